namespace VpcCni.Engine.Ipam;

/// <summary>
/// The facts about an attached ENI that the datastore needs when it starts tracking it
/// (upstream <c>pkg/ipamd/datastore/data_store.go</c>, type <c>ENI</c>; the special ENIs are listed in docs/ipam.md).
/// </summary>
public sealed record EniDescriptor
{
    /// <summary>EC2 network interface id, e.g. <c>eni-0123456789abcdef0</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Device index on its network card; 0 on card 0 is the primary ENI.</summary>
    public required int DeviceNumber { get; init; }

    /// <summary>The instance's primary ENI: never freed.</summary>
    public bool IsPrimary { get; init; }

    /// <summary>Trunk ENI of security groups for pods: never given IPs, never freed.</summary>
    public bool IsTrunk { get; init; }

    /// <summary>EFA ENI: may carry pod IPs but is never freed.</summary>
    public bool IsEfa { get; init; }

    /// <summary>In a subnet tagged <c>kubernetes.io/role/cni=0</c>: attached but given no pod IPs.</summary>
    public bool IsExcludedForPodIps { get; init; }

    /// <summary>Policy-routing table of the ENI (device number + 1 for secondary ENIs, main for the primary).</summary>
    public int RouteTableId { get; init; }

    public string SubnetId { get; init; } = string.Empty;
}
