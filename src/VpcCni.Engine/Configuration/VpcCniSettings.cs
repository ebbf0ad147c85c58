using System.Globalization;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Engine.Configuration;

/// <summary>
/// The whole node configuration: one options object per subsystem plus the values derived from
/// several variables. Build it with <see cref="VpcCniSettingsBinder"/>; validate a hand-made one
/// with <see cref="VpcCniSettingsValidator"/>.
/// </summary>
public sealed class VpcCniSettings
{
    /// <summary>Warm pool and IPAM (docs/configuration.md).</summary>
    public IpamOptions Ipam { get; set; } = new();

    /// <summary>SNAT, MTU, veth and address families (docs/configuration.md).</summary>
    public NetworkingOptions Networking { get; set; } = new();

    /// <summary>Custom networking, security groups for pods, network policy (docs/configuration.md).</summary>
    public CustomNetworkingOptions CustomNetworking { get; set; } = new();

    /// <summary>Log levels and destinations (docs/configuration.md).</summary>
    public LoggingOptions Logging { get; set; } = new();

    /// <summary>AWS and Kubernetes endpoints, identity, introspection and metrics (docs/configuration.md).</summary>
    public EndpointOptions Endpoints { get; set; } = new();

    /// <summary>Install paths (docs/configuration.md).</summary>
    public PathOptions Paths { get; set; } = new();

    /// <summary>True when IMDS-only mode is on, which implies no EC2 mutation.</summary>
    public bool NetworkResourceProvisioningDisabled => Ipam.DisableNetworkResourceProvisioning || Ipam.EnableImdsOnlyMode;

    /// <summary>
    /// The leaked-ENI sweep is off when asked, and always in IPv6, IMDS-only and no-provisioning
    /// modes, where the node must not delete ENIs (docs/configuration.md).
    /// </summary>
    public bool LeakedEniCleanupDisabled =>
        Ipam.DisableLeakedEniCleanup || Networking.EnableIpv6 || NetworkResourceProvisioningDisabled;

    /// <summary>Parse failures recorded by the binder, replayed by <see cref="VpcCniSettingsValidator"/>.</summary>
    internal IReadOnlyList<ConfigurationError> ParseErrors { get; set; } = [];

    /// <summary>Variables whose text could not be parsed; cross-field rules involving them are skipped.</summary>
    internal IReadOnlySet<string> Unparsed { get; set; } = new HashSet<string>();

    /// <summary>Where each variable's value came from (absent = default).</summary>
    internal IReadOnlyDictionary<string, ValueOrigin> Origins { get; set; } = new Dictionary<string, ValueOrigin>();

    /// <summary>
    /// The upstream <c>/v1/ipamd-env-settings</c> view: the active warm targets, custom networking,
    /// non-schedulable management and subnet discovery, keyed by environment name.
    /// </summary>
    public IReadOnlyDictionary<string, object> GetIpamdEnvSettings() => new SortedDictionary<string, object>(StringComparer.Ordinal)
    {
        [N.WarmIpTarget] = Ipam.WarmIpTarget,
        [N.WarmEniTarget] = Ipam.WarmEniTarget,
        [N.CustomNetworkConfig] = CustomNetworking.CustomNetworkConfig,
        [N.ManageEnisNonSchedulable] = Ipam.ManageEnisNonSchedulable,
        [N.EnableSubnetDiscovery] = Ipam.EnableSubnetDiscovery,

        // Beyond upstream's map (consumers read it as a map, so extra keys are harmless): the rest of
        // the targets a warm-pool prediction needs, so Get-VpcCniWarmPool need not be told them.
        [N.MinimumIpTarget] = Ipam.MinimumIpTarget,
        [N.WarmPrefixTarget] = Ipam.WarmPrefixTarget,
        [N.IpCooldownPeriod] = (int)Ipam.IpCooldownPeriod.TotalSeconds,
    };

    /// <summary>
    /// The upstream <c>/v1/networkutils-env-settings</c> view. CIDR lists are strings and
    /// RANDOMIZESNAT is the enum number (0 none, 1 hashrandom, 2 prng), as upstream reports them.
    /// </summary>
    public IReadOnlyDictionary<string, object> GetNetworkUtilsEnvSettings() => new SortedDictionary<string, object>(StringComparer.Ordinal)
    {
        [N.Connmark] = Networking.Connmark,
        [N.ExcludeSnatCidrs] = Networking.ExcludeSnatCidrs.Select(c => c.ToString()).ToArray(),
        [N.ExternalSnat] = Networking.ExternalSnat,
        [N.ExternalServiceCidrs] = Networking.ExternalServiceCidrs.Select(c => c.ToString()).ToArray(),
        [N.EniMtu] = Networking.EniMtu,
        [N.VethPrefix] = Networking.VethPrefix,
        [N.NodePortSupport] = Networking.NodePortSupport,
        [N.RandomizeSnat] = (int)Networking.RandomizeSnat,
    };

    /// <summary>Where a variable's effective value came from.</summary>
    public ConfigurationSource SourceOf(string variableName) =>
        Origins.TryGetValue(variableName, out var origin) ? origin.Source : ConfigurationSource.Default;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"IPv{(Networking.EnableIpv6 ? 6 : 4)} PD={Ipam.EnablePrefixDelegation} WARM_ENI={Ipam.WarmEniTarget} WARM_IP={Ipam.WarmIpTarget} MIN_IP={Ipam.MinimumIpTarget} WARM_PREFIX={Ipam.WarmPrefixTarget}");
}
