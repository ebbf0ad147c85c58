namespace VpcCni.Service.Introspection;

/// <summary>An ENI in <c>/v1/enis</c>, with the exported fields of upstream's <c>datastore.ENI</c>.</summary>
public sealed record EniView
{
    public required string ID { get; init; }

    public bool IsPrimary { get; init; }

    public bool IsTrunk { get; init; }

    public bool IsEFA { get; init; }

    public int DeviceNumber { get; init; }

    /// <summary>Keyed by the CIDR text (<c>10.0.1.10/32</c>, <c>10.0.2.16/28</c>).</summary>
    public required IReadOnlyDictionary<string, CidrInfoView> AvailableIPv4Cidrs { get; init; }

    /// <summary>Always empty: the datastore holds IPv4 only.</summary>
    public required IReadOnlyDictionary<string, CidrInfoView> IPv6Cidrs { get; init; }

    public bool IsExcludedForPodIPs { get; init; }

    public int RouteTableID { get; init; }

    public string SubnetID { get; init; } = string.Empty;
}
