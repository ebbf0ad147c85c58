using VpcCni.Engine.Configuration;

namespace VpcCni.Engine.Ipam.Planning;

/// <summary>
/// The warm-pool targets and feature switches the planner follows (docs/configuration.md). The lead maps
/// configuration onto this record; values here are already parsed (negative values mean the
/// caller did not clamp them and are rejected by <see cref="WarmPoolPlanner"/>).
/// </summary>
public sealed record PoolTargets
{
    /// <summary><c>WARM_ENI_TARGET</c>: whole free ENIs to keep; ignored when an IP target is set.</summary>
    public int WarmEniTarget { get; init; } = 1;

    /// <summary><c>WARM_IP_TARGET</c>: free addresses to keep; 0 means not defined.</summary>
    public int WarmIpTarget { get; init; }

    /// <summary><c>MINIMUM_IP_TARGET</c>: floor on total addresses; 0 means not defined.</summary>
    public int MinimumIpTarget { get; init; }

    /// <summary><c>WARM_PREFIX_TARGET</c>: free /28 prefixes to keep in PD mode without IP targets.</summary>
    public int WarmPrefixTarget { get; init; }

    /// <summary><c>ENABLE_PREFIX_DELEGATION</c>: grow by /28 prefixes instead of /32 secondary IPs.</summary>
    public bool PrefixDelegation { get; init; }

    /// <summary><c>AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG</c>: the primary ENI gets no pod addresses.</summary>
    public bool CustomNetworking { get; init; }

    /// <summary><c>ENABLE_POD_ENI</c>: one ENI slot stays reserved for the trunk until it exists.</summary>
    public bool PodEniEnabled { get; init; }

    /// <summary><c>AWS_MANAGE_ENIS_NON_SCHEDULABLE</c>: keep managing the pool on a cordoned node.</summary>
    public bool ManageEnisWhenUnschedulable { get; init; }

    /// <summary>"Warm IP targets defined": <c>WARM_IP_TARGET</c> or <c>MINIMUM_IP_TARGET</c> is above 0.</summary>
    public bool IpTargetsDefined => WarmIpTarget > 0 || MinimumIpTarget > 0;

    /// <summary>Cards above 0 always keep one warm and one minimum address (upstream multi-NIC rule).</summary>
    public PoolTargets ForNetworkCard(int networkCard) =>
        networkCard > 0 ? this with { WarmIpTarget = 1, MinimumIpTarget = 1 } : this;

    /// <summary>The targets a node follows under validated <paramref name="settings"/>.</summary>
    public static PoolTargets From(VpcCniSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var ipam = settings.Ipam;
        return new PoolTargets
        {
            WarmEniTarget = ipam.WarmEniTarget,
            WarmIpTarget = ipam.WarmIpTarget,
            MinimumIpTarget = ipam.MinimumIpTarget,
            WarmPrefixTarget = ipam.WarmPrefixTarget,
            PrefixDelegation = ipam.EnablePrefixDelegation,
            CustomNetworking = settings.CustomNetworking.CustomNetworkConfig,
            PodEniEnabled = settings.CustomNetworking.EnablePodEni,
            ManageEnisWhenUnschedulable = ipam.ManageEnisNonSchedulable,
        };
    }
}
