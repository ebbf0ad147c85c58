using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Configuration;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Engine.Tests.Configuration;

internal static class ConfigurationTestData
{
    public static IConfiguration Env(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)))
            .Build();

    public static IConfiguration Env(IReadOnlyDictionary<string, string> pairs) =>
        Env(pairs.Select(p => (p.Key, p.Value)).ToArray());

    public static IConfiguration NoEnv => Env();

    private static readonly Dictionary<string, string> Ipv6 = new() { [N.EnableIpv4] = "false", [N.EnableIpv6] = "true", [N.EnablePrefixDelegation] = "true" };

    private static string[] Cidrs(IReadOnlyList<IPNetwork> list) => list.Select(c => c.ToString()).ToArray();

    /// <summary>Every non-deprecated variable of docs/configuration.md.</summary>
    public static IReadOnlyDictionary<string, VariableSample> Samples { get; } = new Dictionary<string, VariableSample>
    {
        [N.WarmEniTarget] = new("3", s => s.Ipam.WarmEniTarget, 3, 1),
        [N.WarmIpTarget] = new("5", s => s.Ipam.WarmIpTarget, 5, 0),
        [N.MinimumIpTarget] = new("12", s => s.Ipam.MinimumIpTarget, 12, 0),
        [N.WarmPrefixTarget] = new("2", s => s.Ipam.WarmPrefixTarget, 2, 1),
        [N.MaxEni] = new("4", s => s.Ipam.MaxEni, 4, -1),
        [N.EnablePrefixDelegation] = new("true", s => s.Ipam.EnablePrefixDelegation, true, false),
        [N.IpCooldownPeriod] = new("45", s => s.Ipam.IpCooldownPeriod, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(30)),
        [N.BackingStore] = new("/tmp/ipam.json", s => s.Ipam.BackingStorePath, "/tmp/ipam.json", "/var/run/aws-node/ipam.json"),
        [N.DisableNetworkResourceProvisioning] = new("true", s => s.Ipam.DisableNetworkResourceProvisioning, true, false),
        [N.EnableImdsOnlyMode] = new("true", s => s.Ipam.EnableImdsOnlyMode, true, false),
        [N.DisableLeakedEniCleanup] = new("true", s => s.Ipam.DisableLeakedEniCleanup, true, false),
        [N.ManageEnisNonSchedulable] = new("true", s => s.Ipam.ManageEnisNonSchedulable, true, false),
        [N.EnableSubnetDiscovery] = new("false", s => s.Ipam.EnableSubnetDiscovery, false, true),
        [N.ManageUntaggedEni] = new("false", s => s.Ipam.ManageUntaggedEni, false, true),
        [N.EnableMultiNic] = new("true", s => s.Ipam.EnableMultiNic, true, false),
        [N.ClusterName] = new("prod-east", s => s.Ipam.ClusterName, "prod-east", ""),
        [N.AdditionalEniTags] = new("{\"team\":\"net\",\"cost\":\"42\"}", s => string.Join(";", s.Ipam.AdditionalEniTags.OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}")), "cost=42;team=net", ""),
        [N.Ec2Endpoint] = new("http://127.0.0.1:4566/", s => s.Endpoints.Ec2Endpoint, new Uri("http://127.0.0.1:4566/"), null),
        [N.HttpTimeout] = new("25", s => s.Endpoints.HttpTimeout, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(10)),
        [N.NodeName] = new("ip-10-0-1-5.ec2.internal", s => s.Endpoints.NodeName, "ip-10-0-1-5.ec2.internal", ""),
        [N.PodName] = new("aws-node-x7k2p", s => s.Endpoints.PodName, "aws-node-x7k2p", ""),
        [N.VpcCniVersion] = new("v0.1.0", s => s.Endpoints.VpcCniVersion, "v0.1.0", ""),
        [N.ClusterEndpoint] = new("https://ABC.gr7.us-west-2.eks.amazonaws.com", s => s.Endpoints.ClusterEndpoint, new Uri("https://ABC.gr7.us-west-2.eks.amazonaws.com"), null),
        [N.ExternalSnat] = new("true", s => s.Networking.ExternalSnat, true, false),
        [N.ExcludeSnatCidrs] = new("10.0.0.0/8, 172.16.0.0/12", s => Cidrs(s.Networking.ExcludeSnatCidrs), new[] { "10.0.0.0/8", "172.16.0.0/12" }, Array.Empty<string>()),
        [N.RandomizeSnat] = new("hashrandom", s => s.Networking.RandomizeSnat, SnatRandomization.HashRandom, SnatRandomization.Prng),
        [N.NodePortSupport] = new("false", s => s.Networking.NodePortSupport, false, true),
        [N.Connmark] = new("0x4000", s => s.Networking.Connmark, 0x4000u, 0x80u),
        [N.ExternalServiceCidrs] = new("192.168.0.0/16", s => Cidrs(s.Networking.ExternalServiceCidrs), new[] { "192.168.0.0/16" }, Array.Empty<string>()),
        [N.EniMtu] = new("1500", s => s.Networking.EniMtu, 1500, 9001),
        [N.PodMtu] = new("1400", s => s.Networking.EffectivePodMtu, 1400, 9001),
        [N.VethPrefix] = new("pod", s => s.Networking.VethPrefix, "pod", "eni"),
        [N.EnableIpv4] = new("false", s => s.Networking.EnableIpv4, false, true, Ipv6),
        [N.EnableIpv6] = new("true", s => s.Networking.EnableIpv6, true, false, Ipv6),
        [N.EnableV6Egress] = new("true", s => s.Networking.EnableV6Egress, true, false),
        [N.EnableV4Egress] = new("false", s => s.Networking.EnableV4Egress, false, true),
        [N.DisablePodV6] = new("true", s => s.Networking.DisablePodV6, true, false),
        [N.EnableBandwidthPlugin] = new("true", s => s.Networking.EnableBandwidthPlugin, true, false),
        [N.DisableTcpEarlyDemux] = new("true", s => s.Networking.DisableTcpEarlyDemux, true, false),
        [N.CustomNetworkConfig] = new("true", s => s.CustomNetworking.CustomNetworkConfig, true, false),
        [N.EniConfigAnnotationDef] = new("example.com/eni", s => s.CustomNetworking.EniConfigAnnotationDef, "example.com/eni", "k8s.amazonaws.com/eniConfig"),
        [N.EniConfigLabelDef] = new("topology.kubernetes.io/zone", s => s.CustomNetworking.EniConfigLabelDef, "topology.kubernetes.io/zone", "k8s.amazonaws.com/eniConfig"),
        [N.EnablePodEni] = new("true", s => s.CustomNetworking.EnablePodEni, true, false),
        [N.PodSecurityGroupEnforcingMode] = new("standard", s => s.CustomNetworking.PodSecurityGroupEnforcingMode, PodSecurityGroupEnforcingMode.Standard, PodSecurityGroupEnforcingMode.Strict),
        [N.NetworkPolicyEnforcingMode] = new("strict", s => s.CustomNetworking.NetworkPolicyEnforcingMode, NetworkPolicyEnforcingMode.Strict, NetworkPolicyEnforcingMode.Unset),
        [N.AnnotatePodIp] = new("true", s => s.CustomNetworking.AnnotatePodIp, true, false),
        [N.LogLevel] = new("INFO", s => s.Logging.LogLevel, LogLevel.Information, LogLevel.Debug),
        [N.LogFile] = new("/var/log/vpc-cni/node.log", s => s.Logging.LogFile, "/var/log/vpc-cni/node.log", "stdout"),
        [N.PluginLogFile] = new("stderr", s => s.Logging.PluginLogFile, "stderr", "/var/log/aws-routed-eni/plugin.log"),
        [N.PluginLogLevel] = new("warn", s => s.Logging.PluginLogLevel, LogLevel.Warning, LogLevel.Debug),
        [N.EgressV4PluginLogFile] = new("/tmp/e4.log", s => s.Logging.EgressV4PluginLogFile, "/tmp/e4.log", "/var/log/aws-routed-eni/egress-v4-plugin.log"),
        [N.EgressV6PluginLogFile] = new("/tmp/e6.log", s => s.Logging.EgressV6PluginLogFile, "/tmp/e6.log", "/var/log/aws-routed-eni/egress-v6-plugin.log"),
        [N.DisableIntrospection] = new("true", s => s.Endpoints.DisableIntrospection, true, false),
        [N.IntrospectionBindAddress] = new("unix:/run/vpc-cni/introspect.sock", s => s.Endpoints.IntrospectionBindAddress, "unix:/run/vpc-cni/introspect.sock", "127.0.0.1:61679"),
        [N.DisableMetrics] = new("true", s => s.Endpoints.DisableMetrics, true, false),
        [N.HostCniBinPath] = new("/usr/libexec/cni", s => s.Paths.HostCniBinPath, "/usr/libexec/cni", "/opt/cni/bin"),
        [N.HostCniConfDirPath] = new("/run/cni/net.d", s => s.Paths.HostCniConfDirPath, "/run/cni/net.d", "/etc/cni/net.d"),
    };

    public static TheoryData<string> SampleNames => new(Samples.Keys);
}
