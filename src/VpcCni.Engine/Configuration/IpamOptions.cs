namespace VpcCni.Engine.Configuration;

/// <summary>
/// Warm pool and IPAM settings (docs/configuration.md). Defaults are the upstream defaults except
/// <see cref="WarmPrefixTarget"/>, which takes the manifest's value (docs/configuration.md).
/// </summary>
public sealed class IpamOptions
{
    /// <summary><c>WARM_ENI_TARGET</c>: whole free ENIs to keep attached.</summary>
    public int WarmEniTarget { get; set; } = 1;

    /// <summary><c>WARM_IP_TARGET</c>: free IPs to keep; 0 means "not defined".</summary>
    public int WarmIpTarget { get; set; }

    /// <summary><c>MINIMUM_IP_TARGET</c>: floor on assigned + free IPs; 0 means "not defined".</summary>
    public int MinimumIpTarget { get; set; }

    /// <summary><c>WARM_PREFIX_TARGET</c>: free /28 prefixes to keep in prefix-delegation mode.</summary>
    public int WarmPrefixTarget { get; set; } = 1;

    /// <summary><c>MAX_ENI</c>: cap on attached ENIs; only values ≥ 1 cap anything (-1 = no cap).</summary>
    public int MaxEni { get; set; } = -1;

    /// <summary><c>ENABLE_PREFIX_DELEGATION</c>: hand out /28 (IPv4) or /80 (IPv6) prefixes instead of secondary IPs.</summary>
    public bool EnablePrefixDelegation { get; set; }

    /// <summary><c>IP_COOLDOWN_PERIOD</c>: how long a released pod IP waits before reuse.</summary>
    public TimeSpan IpCooldownPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>AWS_VPC_K8S_CNI_BACKING_STORE</c>: the checkpoint file of network card 0.</summary>
    public string BackingStorePath { get; set; } = "/var/run/aws-node/ipam.json";

    /// <summary><c>DISABLE_NETWORK_RESOURCE_PROVISIONING</c>: never mutate EC2; only reconcile what IMDS shows.</summary>
    public bool DisableNetworkResourceProvisioning { get; set; }

    /// <summary><c>ENABLE_IMDS_ONLY_MODE</c>: make no EC2 call at all.</summary>
    public bool EnableImdsOnlyMode { get; set; }

    /// <summary><c>DISABLE_LEAKED_ENI_CLEANUP</c> as written; see <see cref="VpcCniSettings.LeakedEniCleanupDisabled"/> for the effective value.</summary>
    public bool DisableLeakedEniCleanup { get; set; }

    /// <summary><c>AWS_MANAGE_ENIS_NON_SCHEDULABLE</c>: keep managing ENIs while the node is cordoned.</summary>
    public bool ManageEnisNonSchedulable { get; set; }

    /// <summary><c>ENABLE_SUBNET_DISCOVERY</c>: place new ENIs in the tagged subnet with the most free IPs.</summary>
    public bool EnableSubnetDiscovery { get; set; } = true;

    /// <summary><c>MANAGE_UNTAGGED_ENI</c>: treat ENIs without our instance tag as managed.</summary>
    public bool ManageUntaggedEni { get; set; } = true;

    /// <summary><c>ENABLE_MULTI_NIC</c>: manage network cards above 0.</summary>
    public bool EnableMultiNic { get; set; }

    /// <summary><c>CLUSTER_NAME</c>: tags ENIs with the cluster and scopes the leaked-ENI sweep.</summary>
    public string ClusterName { get; set; } = string.Empty;

    /// <summary><c>ADDITIONAL_ENI_TAGS</c>: extra tags put on every ENI the node creates.</summary>
    public IReadOnlyDictionary<string, string> AdditionalEniTags { get; set; } = new Dictionary<string, string>();

    /// <summary>
    /// "Warm IP targets defined": true when <see cref="WarmIpTarget"/> or <see cref="MinimumIpTarget"/>
    /// is above 0; the pool then follows the IP targets (docs/ipam.md; upstream pkg/ipamd/ipamd.go).
    /// </summary>
    public bool WarmIpTargetsDefined => WarmIpTarget > 0 || MinimumIpTarget > 0;

    /// <summary>The WARM_ENI_TARGET that applies: 0 when IP targets are defined, since they override it.</summary>
    public int EffectiveWarmEniTarget => WarmIpTargetsDefined ? 0 : WarmEniTarget;

    /// <summary>The MAX_ENI cap, or null when none applies (only values ≥ 1 count).</summary>
    public int? MaxEniCap => MaxEni >= 1 ? MaxEni : null;

    /// <summary>The ENI count the node may use: the instance limit, lowered by <see cref="MaxEniCap"/> when set.</summary>
    public int EffectiveMaxEni(int instanceEniLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(instanceEniLimit);
        return MaxEniCap is { } cap ? Math.Min(cap, instanceEniLimit) : instanceEniLimit;
    }
}
