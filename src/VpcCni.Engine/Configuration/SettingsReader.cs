using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Engine.Configuration;

/// <summary>Fills every options section from the merged raw values, one variable at a time.</summary>
internal static class SettingsReader
{
    private static readonly Dictionary<string, SnatRandomization> SnatChoices = new(StringComparer.Ordinal)
    {
        ["none"] = SnatRandomization.None,
        ["hashrandom"] = SnatRandomization.HashRandom,
        ["prng"] = SnatRandomization.Prng,
    };

    private static readonly Dictionary<string, PodSecurityGroupEnforcingMode> SgpChoices = new(StringComparer.Ordinal)
    {
        ["strict"] = PodSecurityGroupEnforcingMode.Strict,
        ["standard"] = PodSecurityGroupEnforcingMode.Standard,
    };

    private static readonly Dictionary<string, NetworkPolicyEnforcingMode> PolicyChoices = new(StringComparer.Ordinal)
    {
        ["none"] = NetworkPolicyEnforcingMode.None,
        ["strict"] = NetworkPolicyEnforcingMode.Strict,
        ["standard"] = NetworkPolicyEnforcingMode.Standard,
    };

    public static VpcCniSettings Read(RawValueParser p)
    {
        var s = new VpcCniSettings();
        ReadIpam(p, s.Ipam);
        ReadNetworking(p, s.Networking);
        ReadCustomNetworking(p, s.CustomNetworking);
        ReadLogging(p, s.Logging);
        ReadEndpoints(p, s.Endpoints);
        s.Paths.HostCniBinPath = p.Text(N.HostCniBinPath, s.Paths.HostCniBinPath);
        s.Paths.HostCniConfDirPath = p.Text(N.HostCniConfDirPath, s.Paths.HostCniConfDirPath);

        // Retired switches: still validated as booleans so a typo is caught, then ignored.
        p.Bool(N.ConfigureRpFilter, fallback: false);
        p.Bool(N.EnableNftables, fallback: false);
        return s;
    }

    private static void ReadIpam(RawValueParser p, IpamOptions o)
    {
        o.WarmEniTarget = p.Int(N.WarmEniTarget, o.WarmEniTarget);
        o.WarmIpTarget = p.Int(N.WarmIpTarget, o.WarmIpTarget);
        o.MinimumIpTarget = p.Int(N.MinimumIpTarget, o.MinimumIpTarget);
        o.WarmPrefixTarget = p.Int(N.WarmPrefixTarget, o.WarmPrefixTarget);
        o.MaxEni = p.Int(N.MaxEni, o.MaxEni);
        o.EnablePrefixDelegation = p.Bool(N.EnablePrefixDelegation, o.EnablePrefixDelegation);
        o.IpCooldownPeriod = p.Seconds(N.IpCooldownPeriod, o.IpCooldownPeriod);
        o.BackingStorePath = p.Text(N.BackingStore, o.BackingStorePath);
        o.DisableNetworkResourceProvisioning = p.Bool(N.DisableNetworkResourceProvisioning, o.DisableNetworkResourceProvisioning);
        o.EnableImdsOnlyMode = p.Bool(N.EnableImdsOnlyMode, o.EnableImdsOnlyMode);
        o.DisableLeakedEniCleanup = p.Bool(N.DisableLeakedEniCleanup, o.DisableLeakedEniCleanup);
        o.ManageEnisNonSchedulable = p.Bool(N.ManageEnisNonSchedulable, o.ManageEnisNonSchedulable);
        o.EnableSubnetDiscovery = p.Bool(N.EnableSubnetDiscovery, o.EnableSubnetDiscovery);
        o.ManageUntaggedEni = p.Bool(N.ManageUntaggedEni, o.ManageUntaggedEni);
        o.EnableMultiNic = p.Bool(N.EnableMultiNic, o.EnableMultiNic);
        o.ClusterName = p.Text(N.ClusterName, o.ClusterName);
        o.AdditionalEniTags = p.JsonStringMap(N.AdditionalEniTags, o.AdditionalEniTags);
    }

    private static void ReadNetworking(RawValueParser p, NetworkingOptions o)
    {
        o.ExternalSnat = p.Bool(N.ExternalSnat, o.ExternalSnat);
        o.ExcludeSnatCidrs = p.Ipv4Cidrs(N.ExcludeSnatCidrs);
        o.RandomizeSnat = p.Choice(N.RandomizeSnat, o.RandomizeSnat, SnatChoices);
        o.NodePortSupport = p.Bool(N.NodePortSupport, o.NodePortSupport);
        o.Connmark = p.Mark(N.Connmark, o.Connmark);
        o.ExternalServiceCidrs = p.Ipv4Cidrs(N.ExternalServiceCidrs);
        o.EniMtu = p.Int(N.EniMtu, o.EniMtu);
        o.PodMtu = p.OptionalInt(N.PodMtu);
        o.VethPrefix = p.Text(N.VethPrefix, o.VethPrefix);
        o.EnableIpv4 = p.Bool(N.EnableIpv4, o.EnableIpv4);
        o.EnableIpv6 = p.Bool(N.EnableIpv6, o.EnableIpv6);
        o.EnableV6Egress = p.Bool(N.EnableV6Egress, o.EnableV6Egress);
        o.EnableV4Egress = p.Bool(N.EnableV4Egress, o.EnableV4Egress);
        o.DisablePodV6 = p.Bool(N.DisablePodV6, o.DisablePodV6);
        o.EnableBandwidthPlugin = p.Bool(N.EnableBandwidthPlugin, o.EnableBandwidthPlugin);
        o.DisableTcpEarlyDemux = p.Bool(N.DisableTcpEarlyDemux, o.DisableTcpEarlyDemux);
    }

    private static void ReadCustomNetworking(RawValueParser p, CustomNetworkingOptions o)
    {
        o.CustomNetworkConfig = p.Bool(N.CustomNetworkConfig, o.CustomNetworkConfig);
        o.EniConfigAnnotationDef = p.Text(N.EniConfigAnnotationDef, o.EniConfigAnnotationDef);
        o.EniConfigLabelDef = p.Text(N.EniConfigLabelDef, o.EniConfigLabelDef);
        o.EnablePodEni = p.Bool(N.EnablePodEni, o.EnablePodEni);
        o.PodSecurityGroupEnforcingMode = p.Choice(N.PodSecurityGroupEnforcingMode, o.PodSecurityGroupEnforcingMode, SgpChoices);
        o.NetworkPolicyEnforcingMode = p.Choice(N.NetworkPolicyEnforcingMode, o.NetworkPolicyEnforcingMode, PolicyChoices);
        o.AnnotatePodIp = p.Bool(N.AnnotatePodIp, o.AnnotatePodIp);
    }

    private static void ReadLogging(RawValueParser p, LoggingOptions o)
    {
        o.LogLevel = p.Level(N.LogLevel, o.LogLevel);
        o.LogFile = p.Text(N.LogFile, o.LogFile);
        o.PluginLogFile = p.Text(N.PluginLogFile, o.PluginLogFile);
        o.PluginLogLevel = p.Level(N.PluginLogLevel, o.PluginLogLevel);
        o.EgressV4PluginLogFile = p.Text(N.EgressV4PluginLogFile, o.EgressV4PluginLogFile);
        o.EgressV6PluginLogFile = p.Text(N.EgressV6PluginLogFile, o.EgressV6PluginLogFile);
    }

    private static void ReadEndpoints(RawValueParser p, EndpointOptions o)
    {
        o.Ec2Endpoint = p.AbsoluteUrl(N.Ec2Endpoint);
        o.HttpTimeout = p.Seconds(N.HttpTimeout, o.HttpTimeout);
        o.ClusterEndpoint = p.AbsoluteUrl(N.ClusterEndpoint);
        o.NodeName = p.Text(N.NodeName, o.NodeName);
        o.PodName = p.Text(N.PodName, o.PodName);
        o.VpcCniVersion = p.Text(N.VpcCniVersion, o.VpcCniVersion);
        o.DisableIntrospection = p.Bool(N.DisableIntrospection, o.DisableIntrospection);
        o.IntrospectionBindAddress = p.Text(N.IntrospectionBindAddress, o.IntrospectionBindAddress);
        o.DisableMetrics = p.Bool(N.DisableMetrics, o.DisableMetrics);
    }
}
