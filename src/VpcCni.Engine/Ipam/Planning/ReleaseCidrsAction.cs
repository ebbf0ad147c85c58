using System.Net;

namespace VpcCni.Engine.Ipam.Planning;

/// <summary>Remove these free CIDRs from the datastore and give them back to EC2.</summary>
public sealed record ReleaseCidrsAction(string EniId, IReadOnlyList<IPNetwork> Cidrs, string Reason) : PoolAction(Reason);
