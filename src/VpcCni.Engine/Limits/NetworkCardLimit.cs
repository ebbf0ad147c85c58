namespace VpcCni.Engine.Limits;

/// <summary>The ENI limit of one network card of an instance type (EC2 <c>NetworkInfo.NetworkCards</c>).</summary>
/// <param name="Index">The network card index.</param>
/// <param name="MaximumNetworkInterfaces">How many ENIs this card can hold.</param>
public sealed record NetworkCardLimit(int Index, int MaximumNetworkInterfaces);
