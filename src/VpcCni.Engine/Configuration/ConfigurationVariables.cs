using System.Collections.Frozen;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Engine.Configuration;

/// <summary>
/// The catalogue of every variable the node understands (docs/configuration.md, without the
/// cni-metrics-helper ones), plus the ConfigMap keys that other components own.
/// </summary>
public static class ConfigurationVariables
{
    internal const string NonNegative = "an integer ≥ 0";
    internal const string Path = "an absolute path";
    internal const string Mtu = "an integer from 576 to 9001 (1280 to 9001 when ENABLE_IPv6 is true)";
    internal const string Ipv4Cidrs = "a comma-separated list of IPv4 CIDRs such as 10.0.0.0/8,172.16.0.0/12";
    internal const string LogLevels = "one of debug, info, warn, error, fatal (any letter case)";
    internal const string DnsName = "a Kubernetes object name (DNS subdomain: lower-case letters, digits, '-' and '.', at most 253 characters)";
    internal const string LabelKey = "a Kubernetes label key such as topology.kubernetes.io/zone";

    /// <summary>Every variable, in reference order.</summary>
    public static IReadOnlyList<ConfigurationVariable> All { get; } =
    [
        new(N.WarmEniTarget, NonNegative, "1", AppliesLive: true),
        new(N.WarmIpTarget, NonNegative, "0", AppliesLive: true),
        new(N.MinimumIpTarget, NonNegative, "0", AppliesLive: true),
        new(N.WarmPrefixTarget, NonNegative, "1", AppliesLive: true),
        new(N.MaxEni, "-1 (no cap) or an integer ≥ 1", "-1", AppliesLive: true),
        new(N.EnablePrefixDelegation, GoValueParser.BoolForms, "false"),
        new(N.IpCooldownPeriod, "a whole number of seconds ≥ 0", "30", AppliesLive: true),
        new(N.BackingStore, Path, "/var/run/aws-node/ipam.json"),
        new(N.DisableNetworkResourceProvisioning, GoValueParser.BoolForms, "false"),
        new(N.EnableImdsOnlyMode, GoValueParser.BoolForms, "false"),
        new(N.DisableLeakedEniCleanup, GoValueParser.BoolForms, "false"),
        new(N.ManageEnisNonSchedulable, GoValueParser.BoolForms, "false", AppliesLive: true),
        new(N.EnableSubnetDiscovery, GoValueParser.BoolForms, "true"),
        new(N.ManageUntaggedEni, GoValueParser.BoolForms, "true"),
        new(N.EnableMultiNic, GoValueParser.BoolForms, "false"),
        new(N.ClusterName, "at most 256 characters (an EC2 tag value)", ""),
        new(N.AdditionalEniTags, "a JSON object of string tag values, e.g. {\"team\":\"net\"}; keys 1-128 characters, values at most 256, no 'aws:' prefix, no key containing k8s.amazonaws.com", "{}"),
        new(N.Ec2Endpoint, "an absolute http or https URL", ""),
        new(N.HttpTimeout, "a whole number of seconds ≥ 10", "10"),
        new(N.NodeName, DnsName, ""),
        new(N.PodName, DnsName, ""),
        new(N.VpcCniVersion, "any text", ""),
        new(N.ClusterEndpoint, "an absolute http or https URL", ""),
        new(N.ExternalSnat, GoValueParser.BoolForms, "false"),
        new(N.ExcludeSnatCidrs, Ipv4Cidrs, ""),
        new(N.RandomizeSnat, "one of none, hashrandom, prng", "prng"),
        new(N.NodePortSupport, GoValueParser.BoolForms, "true"),
        new(N.Connmark, "an integer from 1 to 0xFFFFFFFF (decimal, 0x hex, 0o or leading-0 octal, 0b binary)", "0x80"),
        new(N.ExternalServiceCidrs, Ipv4Cidrs, ""),
        new(N.EniMtu, Mtu, "9001"),
        new(N.PodMtu, Mtu, "AWS_VPC_ENI_MTU"),
        new(N.VethPrefix, "1 to 4 characters from A-Z, a-z, 0-9, dot, underscore and hyphen, other than eth, lo and vlan", "eni"),
        new(N.EnableIpv4, GoValueParser.BoolForms, "true"),
        new(N.EnableIpv6, GoValueParser.BoolForms, "false"),
        new(N.EnableV6Egress, GoValueParser.BoolForms, "false"),
        new(N.EnableV4Egress, GoValueParser.BoolForms, "true"),
        new(N.DisablePodV6, GoValueParser.BoolForms, "false"),
        new(N.EnableBandwidthPlugin, GoValueParser.BoolForms, "false"),
        new(N.DisableTcpEarlyDemux, GoValueParser.BoolForms, "false"),
        new(N.ConfigureRpFilter, GoValueParser.BoolForms, "", IsDeprecated: true),
        new(N.EnableNftables, GoValueParser.BoolForms, "", IsDeprecated: true),
        new(N.CustomNetworkConfig, GoValueParser.BoolForms, "false", AliasKey: "enable-custom-networking"),
        new(N.EniConfigAnnotationDef, LabelKey, "k8s.amazonaws.com/eniConfig"),
        new(N.EniConfigLabelDef, LabelKey, "k8s.amazonaws.com/eniConfig"),
        new(N.EnablePodEni, GoValueParser.BoolForms, "false"),
        new(N.PodSecurityGroupEnforcingMode, "one of strict, standard", "strict"),
        new(N.NetworkPolicyEnforcingMode, "one of none, strict, standard (or empty for unset)", ""),
        new(N.AnnotatePodIp, GoValueParser.BoolForms, "false"),
        new(N.LogLevel, LogLevels, "debug", AppliesLive: true),
        new(N.LogFile, "stdout, stderr or an absolute path", "stdout"),
        new(N.PluginLogFile, "stderr or an absolute path (stdout carries the CNI result)", "/var/log/aws-routed-eni/plugin.log"),
        new(N.PluginLogLevel, LogLevels, "debug"),
        new(N.EgressV4PluginLogFile, "stderr or an absolute path (stdout carries the CNI result)", "/var/log/aws-routed-eni/egress-v4-plugin.log"),
        new(N.EgressV6PluginLogFile, "stderr or an absolute path (stdout carries the CNI result)", "/var/log/aws-routed-eni/egress-v6-plugin.log"),
        new(N.DisableIntrospection, GoValueParser.BoolForms, "false"),
        new(N.IntrospectionBindAddress, "host:port (IPv6 as [addr]:port, port 1-65535) or unix:<absolute path>", "127.0.0.1:61679"),
        new(N.DisableMetrics, GoValueParser.BoolForms, "false"),
        new(N.HostCniBinPath, Path, "/opt/cni/bin"),
        new(N.HostCniConfDirPath, Path, "/etc/cni/net.d"),
    ];

    /// <summary>
    /// ConfigMap keys that EKS or the guide use but the Linux node does not act on; they are
    /// accepted and reported as <see cref="ConfigurationNoticeKind.NotUsedByNode"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotUsedByNodeKeys { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["enable-network-policy-controller"] = "read by the EKS control plane's network-policy controller",
        ["enable-windows-ipam"] = "read by the VPC resource controller for Windows nodes",
        ["enable-windows-prefix-delegation"] = "read by the VPC resource controller for Windows nodes",
        ["branch-eni-cooldown"] = "read by the VPC resource controller for branch ENIs",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, ConfigurationVariable> ByName =
        All.ToFrozenDictionary(v => v.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, ConfigurationVariable> ByKey =
        All.SelectMany(v => v.ConfigMapKeys.Select(k => (k, v))).ToFrozenDictionary(p => p.k, p => p.v, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a variable by its environment name (case-insensitive, as configuration keys are).</summary>
    public static bool TryGetByName(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigurationVariable? variable) =>
        ByName.TryGetValue(name, out variable);

    /// <summary>Finds a variable by one of its ConfigMap keys, including the guide's aliases.</summary>
    public static bool TryGetByConfigMapKey(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigurationVariable? variable) =>
        ByKey.TryGetValue(key, out variable);

    /// <summary>The catalogue entry of a known variable name.</summary>
    public static ConfigurationVariable Get(string name) => ByName[name];
}
