namespace VpcCni.Engine.Ipam.Planning;

/// <summary>Ask EC2 for <paramref name="Count"/> more /28 prefixes on an existing ENI.</summary>
public sealed record AssignPrefixesAction(string EniId, int Count, string Reason) : PoolAction(Reason);
