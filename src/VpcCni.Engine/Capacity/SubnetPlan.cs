namespace VpcCni.Engine.Capacity;

/// <summary>
/// Whether pod subnets hold a workload: required addresses against usable ones per AZ, the /28 view
/// for prefix delegation, and the smallest subnet that would fit.
/// </summary>
public sealed record SubnetPlan
{
    public string? InstanceType { get; init; }

    public required int PodsPerNode { get; init; }

    public required int NodesPerAz { get; init; }

    public required decimal GrowthFactor { get; init; }

    public required int AvailabilityZoneCount { get; init; }

    public required bool PrefixDelegation { get; init; }

    /// <summary><c>ceil(pods per node × nodes per AZ × growth factor)</c>.</summary>
    public required long RequiredAddressesPerAz { get; init; }

    public required long RequiredAddressesTotal { get; init; }

    /// <summary>All addresses over every AZ's subnet, before AWS's reserved ones.</summary>
    public required long TotalAddresses { get; init; }

    public required long TotalUsableAddresses { get; init; }

    /// <summary>With prefix delegation, <c>ceil(pods per node / 16)</c>; otherwise null.</summary>
    public int? PrefixBlocksPerNode { get; init; }

    /// <summary>True when every AZ's subnet fits.</summary>
    public required bool Fits { get; init; }

    /// <summary>The smallest headroom over the AZs (addresses, or /28 blocks with prefix delegation).</summary>
    public required long MinimumHeadroom { get; init; }

    /// <summary>The longest prefix length (smallest subnet) in /16–/28 that holds one AZ's pods, or null if even /16 does not.</summary>
    public int? RecommendedPrefixLength { get; init; }

    public required string Recommendation { get; init; }

    public required IReadOnlyList<SubnetPlanEntry> Subnets { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}
