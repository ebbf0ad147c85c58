namespace VpcCni.Engine.Ipam.Planning;

/// <summary>
/// Create and attach a new ENI carrying <paramref name="AddressCount"/> secondary IPs (SIP mode) or
/// <paramref name="PrefixCount"/> prefixes (PD mode); the other count is 0.
/// </summary>
public sealed record CreateEniAction(int AddressCount, int PrefixCount, string Reason) : PoolAction(Reason);
