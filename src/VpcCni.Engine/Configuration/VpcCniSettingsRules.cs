using System.Globalization;
using System.Text.RegularExpressions;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Engine.Configuration;

/// <summary>
/// Range and cross-field rules on typed settings. The binder and <see cref="VpcCniSettingsValidator"/>
/// both run them, so a bound configuration and a hand-made one get the same messages.
/// </summary>
internal static partial class VpcCniSettingsRules
{
    private const int MaxMtu = 9001;

    public static List<ConfigurationError> Validate(VpcCniSettings s)
    {
        var c = new Checker(s);
        var ipam = s.Ipam;
        var net = s.Networking;
        c.Range(ipam.WarmEniTarget >= 0, N.WarmEniTarget, ipam.WarmEniTarget);
        c.Range(ipam.WarmIpTarget >= 0, N.WarmIpTarget, ipam.WarmIpTarget);
        c.Range(ipam.MinimumIpTarget >= 0, N.MinimumIpTarget, ipam.MinimumIpTarget);
        c.Range(ipam.WarmPrefixTarget >= 0, N.WarmPrefixTarget, ipam.WarmPrefixTarget);
        c.Range(ipam.MaxEni is -1 or >= 1, N.MaxEni, ipam.MaxEni);
        c.Range(IsWholeSeconds(ipam.IpCooldownPeriod, TimeSpan.Zero), N.IpCooldownPeriod, ipam.IpCooldownPeriod.TotalSeconds);
        c.Range(IsAbsolutePath(ipam.BackingStorePath), N.BackingStore, ipam.BackingStorePath);
        c.Range(ipam.ClusterName.Length <= 256, N.ClusterName, ipam.ClusterName);
        c.Range(ipam.AdditionalEniTags.All(IsAcceptableTag), N.AdditionalEniTags, string.Join(",", ipam.AdditionalEniTags.Keys));

        c.Range(net.Connmark != 0, N.Connmark, net.Connmark);
        var minMtu = net.EnableIpv6 ? 1280 : 576;
        c.Range(net.EniMtu >= minMtu && net.EniMtu <= MaxMtu, N.EniMtu, net.EniMtu);
        c.Range(net.PodMtu is null || (net.PodMtu >= minMtu && net.PodMtu <= MaxMtu), N.PodMtu, net.PodMtu);
        c.Range(IsVethPrefix(net.VethPrefix), N.VethPrefix, net.VethPrefix);
        c.Range(AllIpv4(net.ExcludeSnatCidrs), N.ExcludeSnatCidrs, string.Join(",", net.ExcludeSnatCidrs));
        c.Range(AllIpv4(net.ExternalServiceCidrs), N.ExternalServiceCidrs, string.Join(",", net.ExternalServiceCidrs));
        c.Range(Enum.IsDefined(net.RandomizeSnat), N.RandomizeSnat, net.RandomizeSnat);

        var custom = s.CustomNetworking;
        c.Range(IsLabelKey(custom.EniConfigAnnotationDef), N.EniConfigAnnotationDef, custom.EniConfigAnnotationDef);
        c.Range(IsLabelKey(custom.EniConfigLabelDef), N.EniConfigLabelDef, custom.EniConfigLabelDef);
        c.Range(Enum.IsDefined(custom.PodSecurityGroupEnforcingMode), N.PodSecurityGroupEnforcingMode, custom.PodSecurityGroupEnforcingMode);
        c.Range(Enum.IsDefined(custom.NetworkPolicyEnforcingMode), N.NetworkPolicyEnforcingMode, custom.NetworkPolicyEnforcingMode);

        var log = s.Logging;
        c.Range(log.LogFile is LoggingOptions.Stdout or LoggingOptions.Stderr || IsAbsolutePath(log.LogFile), N.LogFile, log.LogFile);
        c.Range(IsPluginLog(log.PluginLogFile), N.PluginLogFile, log.PluginLogFile);
        c.Range(IsPluginLog(log.EgressV4PluginLogFile), N.EgressV4PluginLogFile, log.EgressV4PluginLogFile);
        c.Range(IsPluginLog(log.EgressV6PluginLogFile), N.EgressV6PluginLogFile, log.EgressV6PluginLogFile);

        var ep = s.Endpoints;
        c.Range(IsWholeSeconds(ep.HttpTimeout, TimeSpan.FromSeconds(10)), N.HttpTimeout, ep.HttpTimeout.TotalSeconds);
        c.Range(IsHttpUrl(ep.Ec2Endpoint), N.Ec2Endpoint, ep.Ec2Endpoint);
        c.Range(IsHttpUrl(ep.ClusterEndpoint), N.ClusterEndpoint, ep.ClusterEndpoint);
        c.Range(ep.NodeName.Length == 0 || IsDnsSubdomain(ep.NodeName), N.NodeName, ep.NodeName);
        c.Range(ep.PodName.Length == 0 || IsDnsSubdomain(ep.PodName), N.PodName, ep.PodName);
        c.Range(IsBindAddress(ep.IntrospectionBindAddress), N.IntrospectionBindAddress, ep.IntrospectionBindAddress);
        c.Range(IsAbsolutePath(s.Paths.HostCniBinPath), N.HostCniBinPath, s.Paths.HostCniBinPath);
        c.Range(IsAbsolutePath(s.Paths.HostCniConfDirPath), N.HostCniConfDirPath, s.Paths.HostCniConfDirPath);

        CrossField(c, s);
        return c.Errors;
    }

    private static void CrossField(Checker c, VpcCniSettings s)
    {
        var net = s.Networking;
        var ipam = s.Ipam;
        c.Cross(
            net.EnableIpv4 != net.EnableIpv6,
            [N.EnableIpv4, N.EnableIpv6],
            Pair(N.EnableIpv4, net.EnableIpv4, N.EnableIpv6, net.EnableIpv6),
            "exactly one of ENABLE_IPv4 and ENABLE_IPv6 to be true (set ENABLE_IPv4=false when enabling IPv6)");

        if (net.EnableIpv6)
        {
            c.Cross(
                ipam.EnablePrefixDelegation,
                [N.EnableIpv6, N.EnablePrefixDelegation],
                Pair(N.EnableIpv6, true, N.EnablePrefixDelegation, false),
                "ENABLE_PREFIX_DELEGATION=true whenever ENABLE_IPv6 is true (IPv6 pods get addresses from /80 prefixes)");
            c.Cross(
                !s.CustomNetworking.CustomNetworkConfig,
                [N.EnableIpv6, N.CustomNetworkConfig],
                Pair(N.EnableIpv6, true, N.CustomNetworkConfig, true),
                "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=false whenever ENABLE_IPv6 is true (custom networking is IPv4 only)");
        }

        // Upstream's entrypoint refuses PD without any warm target: the pool would never pre-allocate.
        c.Cross(
            !ipam.EnablePrefixDelegation || ipam.WarmIpTarget > 0 || ipam.WarmPrefixTarget > 0 || ipam.MinimumIpTarget > 0,
            [N.EnablePrefixDelegation, N.WarmIpTarget, N.WarmPrefixTarget, N.MinimumIpTarget],
            string.Create(CultureInfo.InvariantCulture, $"ENABLE_PREFIX_DELEGATION=true, WARM_IP_TARGET={ipam.WarmIpTarget}, WARM_PREFIX_TARGET={ipam.WarmPrefixTarget}, MINIMUM_IP_TARGET={ipam.MinimumIpTarget}"),
            "at least one of WARM_IP_TARGET, WARM_PREFIX_TARGET and MINIMUM_IP_TARGET above 0 when prefix delegation is on");
    }

    private static string Pair(string a, bool av, string b, bool bv) =>
        $"{a}={(av ? "true" : "false")}, {b}={(bv ? "true" : "false")}";

    private static bool IsWholeSeconds(TimeSpan value, TimeSpan minimum) =>
        value >= minimum && value.Ticks % TimeSpan.TicksPerSecond == 0;

    internal static bool IsAbsolutePath(string path) => path.Length > 0 && path[0] == '/' && !path.Contains('\0', StringComparison.Ordinal);

    private static bool IsPluginLog(string path) => path == LoggingOptions.Stderr || IsAbsolutePath(path);

    private static bool IsHttpUrl(Uri? uri) =>
        uri is null || (uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    private static bool AllIpv4(IReadOnlyList<System.Net.IPNetwork> cidrs) =>
        cidrs.All(n => n.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);

    private static bool IsVethPrefix(string prefix) =>
        prefix.Length is >= 1 and <= 4 && VethPrefixPattern().IsMatch(prefix) && prefix is not ("eth" or "lo" or "vlan");

    /// <summary>EC2 tag limits (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html) plus upstream's reserved keys.</summary>
    private static bool IsAcceptableTag(KeyValuePair<string, string> tag) =>
        tag.Key.Length is >= 1 and <= 128 && tag.Value.Length <= 256
        && !tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)
        && !tag.Key.Contains("k8s.amazonaws.com", StringComparison.OrdinalIgnoreCase);

    internal static bool IsDnsSubdomain(string name) => name.Length <= 253 && DnsSubdomainPattern().IsMatch(name);

    /// <summary>Kubernetes qualified name: optional DNS-subdomain prefix and '/', then a 1-63 character name.</summary>
    private static bool IsLabelKey(string key)
    {
        var slash = key.LastIndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        var prefixOk = slash < 0 || (slash > 0 && IsDnsSubdomain(key[..slash]));
        return prefixOk && name.Length is >= 1 and <= 63 && LabelNamePattern().IsMatch(name);
    }

    private static bool IsBindAddress(string address)
    {
        if (address.StartsWith("unix:", StringComparison.Ordinal))
        {
            return IsAbsolutePath(address[5..]);
        }

        var colon = address.LastIndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        var host = address[..colon];
        var portText = address[(colon + 1)..];
        var portOk = portText.Length is >= 1 and <= 5 && portText.All(char.IsAsciiDigit)
            && int.Parse(portText, CultureInfo.InvariantCulture) is >= 1 and <= 65535;
        var hostOk = host.Length == 0
            || (host.StartsWith('[') && host.EndsWith(']') && System.Net.IPAddress.TryParse(host[1..^1], out _))
            || (!host.Contains(':', StringComparison.Ordinal) && HostPattern().IsMatch(host));
        return portOk && hostOk;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex VethPrefixPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomainPattern();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelNamePattern();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?$")]
    private static partial Regex HostPattern();
}
