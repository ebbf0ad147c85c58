namespace VpcCni.Engine.Capacity;

/// <summary>
/// Recommended <c>WARM_IP_TARGET</c>, <c>MINIMUM_IP_TARGET</c> and <c>WARM_ENI_TARGET</c> for one
/// instance and workload, with the reasoning, the checks against the instance's capacity, and the
/// values as <c>amazon-vpc-cni</c> ConfigMap keys and <c>aws-node</c> environment variables.
/// </summary>
public sealed record WarmPoolRecommendation
{
    public string? InstanceType { get; init; }

    public required int PodsPerNode { get; init; }

    public required int ScaleUpPods { get; init; }

    /// <summary>Free addresses to keep: the burst plus a buffer of <see cref="WarmPoolRecommender.BurstBuffer"/>.</summary>
    public required int WarmIpTarget { get; init; }

    /// <summary>Floor on the node's addresses: steady pods plus the warm target.</summary>
    public required int MinimumIpTarget { get; init; }

    /// <summary>1, ipamd's default; ipamd ignores it while either IP target is set (docs/configuration.md).</summary>
    public required int WarmEniTarget { get; init; }

    public required bool PrefixDelegation { get; init; }

    /// <summary>With prefix delegation, the /28 prefixes <see cref="MinimumIpTarget"/> rounds up to; otherwise null.</summary>
    public int? MinimumPrefixes { get; init; }

    /// <summary>The instance's max pods (capped), which kubelet enforces.</summary>
    public required int MaxPods { get; init; }

    /// <summary>Addresses the instance can hand to pods in the chosen mode.</summary>
    public required int PodAddressCapacity { get; init; }

    /// <summary>True when the recommendation fits the instance (no warnings).</summary>
    public bool FitsInstance => Warnings.Count == 0;

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<string> Reasoning { get; init; } = [];

    /// <summary><c>kube-system/amazon-vpc-cni</c> ConfigMap data (<c>warm-ip-target</c>, …), values as strings.</summary>
    public required IReadOnlyDictionary<string, string> ConfigMapData { get; init; }

    /// <summary>The same settings as <c>aws-node</c> environment variables (<c>WARM_IP_TARGET</c>, …).</summary>
    public required IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; }

    /// <summary>The max-pods calculation the checks used.</summary>
    public required MaxPodsResult Instance { get; init; }
}
