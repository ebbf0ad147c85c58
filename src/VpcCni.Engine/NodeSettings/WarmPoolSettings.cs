namespace VpcCni.Engine.NodeSettings;

/// <summary>
/// The warm-pool variables an env file (or the cluster's ConfigMap) binds to after an edit
/// (Set-VpcCniWarmPool -PassThru): the effective values, defaults included, as the node applies them
/// on its next reload.
/// </summary>
public sealed record WarmPoolSettings
{
    /// <summary>The env file that was edited; null when the ConfigMap was.</summary>
    public string? EnvironmentFile { get; init; }

    /// <summary>The ConfigMap that was edited (<c>namespace/name at server</c>); null when an env file was.</summary>
    public string? ConfigMap { get; init; }

    /// <summary>Where the values were written: the env file, or the ConfigMap.</summary>
    public required string Location { get; init; }

    public int WarmIpTarget { get; init; }

    public int MinimumIpTarget { get; init; }

    public int WarmEniTarget { get; init; }

    public int WarmPrefixTarget { get; init; }

    /// <summary><c>MAX_ENI</c>; -1 means no cap below the instance's limit.</summary>
    public int MaxEni { get; init; }

    public TimeSpan IpCooldownPeriod { get; init; }

    /// <summary><c>ENABLE_PREFIX_DELEGATION</c>, which decides whether WARM_PREFIX_TARGET applies.</summary>
    public bool PrefixDelegation { get; init; }

    /// <summary>The warm-pool view of an edit's bound settings.</summary>
    public static WarmPoolSettings From(EnvFileChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var ipam = change.Settings.Ipam;
        return new WarmPoolSettings
        {
            EnvironmentFile = change.EnvironmentFile,
            ConfigMap = change.ConfigMap,
            Location = change.Location,
            WarmIpTarget = ipam.WarmIpTarget,
            MinimumIpTarget = ipam.MinimumIpTarget,
            WarmEniTarget = ipam.WarmEniTarget,
            WarmPrefixTarget = ipam.WarmPrefixTarget,
            MaxEni = ipam.MaxEni,
            IpCooldownPeriod = ipam.IpCooldownPeriod,
            PrefixDelegation = ipam.EnablePrefixDelegation,
        };
    }
}
