using System.Net;

namespace VpcCni.Engine.Capacity;

/// <summary>
/// Inputs of a pod-subnet plan: the workload (pods per node × nodes per AZ × growth factor) and the
/// subnets, either one prefix length for every AZ or one CIDR per AZ.
/// </summary>
public sealed record SubnetPlanRequest
{
    /// <summary>Pods per node. When null, the max pods of <see cref="Instance"/> is used.</summary>
    public int? PodsPerNode { get; init; }

    /// <summary>An instance whose (capped) max pods stands in for <see cref="PodsPerNode"/>.</summary>
    public MaxPodsRequest? Instance { get; init; }

    public required int NodesPerAz { get; init; }

    /// <summary>Multiplier for expected growth; 1 means none. The guide's example uses 2.0.</summary>
    public decimal GrowthFactor { get; init; } = 1m;

    /// <summary>The prefix length of every AZ's pod subnet (/20 = 4,096 addresses). Ignored when <see cref="Cidrs"/> is given.</summary>
    public int? PrefixLength { get; init; }

    /// <summary>One pod subnet per AZ; their count is the AZ count.</summary>
    public IReadOnlyList<IPNetwork>? Cidrs { get; init; }

    /// <summary>AZs sharing the workload when a prefix length is given. Defaults to 3, the usual EKS spread.</summary>
    public int? AvailabilityZoneCount { get; init; }

    /// <summary>Pods take addresses in /28 prefixes; checks whole aligned /28 blocks as well.</summary>
    public bool PrefixDelegation { get; init; }
}
