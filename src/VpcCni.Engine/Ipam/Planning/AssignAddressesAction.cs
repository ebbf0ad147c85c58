namespace VpcCni.Engine.Ipam.Planning;

/// <summary>Ask EC2 for <paramref name="Count"/> more /32 secondary IPs on an existing ENI.</summary>
public sealed record AssignAddressesAction(string EniId, int Count, string Reason) : PoolAction(Reason);
