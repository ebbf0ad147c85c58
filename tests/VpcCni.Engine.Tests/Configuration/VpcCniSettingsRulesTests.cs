using VpcCni.Engine.Configuration;
using static VpcCni.Engine.Tests.Configuration.ConfigurationTestData;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Engine.Tests.Configuration;

public class VpcCniSettingsRulesTests
{
    [Theory]
    [InlineData(N.WarmEniTarget, "-1")]
    [InlineData(N.WarmEniTarget, "1.5")]
    [InlineData(N.WarmIpTarget, "-3")]
    [InlineData(N.WarmIpTarget, " 5")]
    [InlineData(N.MinimumIpTarget, "ten")]
    [InlineData(N.WarmPrefixTarget, "-1")]
    [InlineData(N.MaxEni, "0")]
    [InlineData(N.MaxEni, "-2")]
    [InlineData(N.MaxEni, "99999999999")]
    [InlineData(N.EnablePrefixDelegation, "yes")]
    [InlineData(N.IpCooldownPeriod, "-1")]
    [InlineData(N.IpCooldownPeriod, "30s")]
    [InlineData(N.BackingStore, "ipam.json")]
    [InlineData(N.DisableNetworkResourceProvisioning, "on")]
    [InlineData(N.EnableImdsOnlyMode, "2")]
    [InlineData(N.DisableLeakedEniCleanup, "tRUE")]
    [InlineData(N.ManageEnisNonSchedulable, "y")]
    [InlineData(N.EnableSubnetDiscovery, "no")]
    [InlineData(N.ManageUntaggedEni, "off")]
    [InlineData(N.EnableMultiNic, "enabled")]
    [InlineData(N.AdditionalEniTags, "team=net")]
    [InlineData(N.AdditionalEniTags, "[\"a\"]")]
    [InlineData(N.AdditionalEniTags, "{\"n\":1}")]
    [InlineData(N.AdditionalEniTags, "{\"aws:owner\":\"me\"}")]
    [InlineData(N.AdditionalEniTags, "{\"node.k8s.amazonaws.com/x\":\"y\"}")]
    [InlineData(N.Ec2Endpoint, "ec2.internal")]
    [InlineData(N.Ec2Endpoint, "ftp://ec2.example.com")]
    [InlineData(N.HttpTimeout, "5")]
    [InlineData(N.HttpTimeout, "abc")]
    [InlineData(N.NodeName, "Node_1")]
    [InlineData(N.PodName, "-pod")]
    [InlineData(N.ClusterEndpoint, "not a url")]
    [InlineData(N.ExternalSnat, "enable")]
    [InlineData(N.ExcludeSnatCidrs, "10.0.0.0/8,banana")]
    [InlineData(N.ExcludeSnatCidrs, "10.0.0.0")]
    [InlineData(N.ExcludeSnatCidrs, "fd00::/8")]
    [InlineData(N.RandomizeSnat, "random")]
    [InlineData(N.RandomizeSnat, "PRNG")]
    [InlineData(N.NodePortSupport, "si")]
    [InlineData(N.Connmark, "0")]
    [InlineData(N.Connmark, "-128")]
    [InlineData(N.Connmark, "0x100000000")]
    [InlineData(N.Connmark, "0xZZ")]
    [InlineData(N.ExternalServiceCidrs, "10.0.0.0/33")]
    [InlineData(N.EniMtu, "575")]
    [InlineData(N.EniMtu, "9002")]
    [InlineData(N.PodMtu, "100")]
    [InlineData(N.VethPrefix, "veths")]
    [InlineData(N.VethPrefix, "eth")]
    [InlineData(N.VethPrefix, "lo")]
    [InlineData(N.VethPrefix, "vlan")]
    [InlineData(N.VethPrefix, "a/b")]
    [InlineData(N.EnableIpv4, "ja")]
    [InlineData(N.EnableIpv6, "ja")]
    [InlineData(N.EnableV6Egress, "x")]
    [InlineData(N.EnableV4Egress, "x")]
    [InlineData(N.DisablePodV6, "x")]
    [InlineData(N.EnableBandwidthPlugin, "x")]
    [InlineData(N.DisableTcpEarlyDemux, "x")]
    [InlineData(N.CustomNetworkConfig, "x")]
    [InlineData(N.EniConfigAnnotationDef, "bad key!")]
    [InlineData(N.EniConfigLabelDef, "/zone")]
    [InlineData(N.EnablePodEni, "x")]
    [InlineData(N.PodSecurityGroupEnforcingMode, "loose")]
    [InlineData(N.NetworkPolicyEnforcingMode, "enforce")]
    [InlineData(N.AnnotatePodIp, "x")]
    [InlineData(N.LogLevel, "verbose")]
    [InlineData(N.LogFile, "relative.log")]
    [InlineData(N.PluginLogFile, "stdout")]
    [InlineData(N.PluginLogLevel, "trace")]
    [InlineData(N.EgressV4PluginLogFile, "stdout")]
    [InlineData(N.EgressV6PluginLogFile, "logs/e6.log")]
    [InlineData(N.DisableIntrospection, "x")]
    [InlineData(N.IntrospectionBindAddress, "localhost")]
    [InlineData(N.IntrospectionBindAddress, "127.0.0.1:70000")]
    [InlineData(N.IntrospectionBindAddress, "unix:relative.sock")]
    [InlineData(N.IntrospectionBindAddress, "::1:61679")]
    [InlineData(N.DisableMetrics, "x")]
    [InlineData(N.HostCniBinPath, "opt/cni/bin")]
    [InlineData(N.HostCniConfDirPath, "net.d")]
    public void InvalidValueIsRejectedWithTheVariableTheValueAndTheAcceptedRange(string name, string value)
    {
        var error = Assert.Single(VpcCniSettingsBinder.Evaluate(Env((name, value))).Errors);

        Assert.Equal(name, error.Variable);
        Assert.Equal(value, error.RejectedValue);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(ConfigurationVariables.Get(name).Expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorFromTheConfigMapNamesTheKey()
    {
        var error = Assert.Single(VpcCniSettingsBinder.Evaluate(NoEnv, new Dictionary<string, string> { ["warm-ip-target"] = "-5" }).Errors);

        Assert.Equal("WARM_IP_TARGET (ConfigMap key 'warm-ip-target'): '-5' is not accepted; expected an integer ≥ 0.", error.Message);
    }

    [Fact]
    public void SeveralErrorsAreReportedTogetherInCatalogueOrder()
    {
        var data = new Dictionary<string, string> { ["aws-vpc-eni-mtu"] = "70000" };
        var ex = Assert.Throws<InvalidConfigurationException>(() => VpcCniSettingsBinder.Bind(
            Env((N.VethPrefix, "toolong"), (N.WarmIpTarget, "x"), (N.HttpTimeout, "1")), data));

        Assert.Equal([N.WarmIpTarget, N.HttpTimeout, N.EniMtu, N.VethPrefix], ex.Errors.Select(e => e.Variable));
        Assert.StartsWith("The VpcCni configuration has 4 errors:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    public void ExactlyOneAddressFamilyMustBeEnabled(string ipv4, string ipv6)
    {
        var error = Assert.Single(VpcCniSettingsBinder.Evaluate(Env((N.EnableIpv4, ipv4), (N.EnableIpv6, ipv6), (N.EnablePrefixDelegation, "true"))).Errors);

        Assert.Equal(N.EnableIpv4, error.Variable);
        Assert.Contains("exactly one of ENABLE_IPv4 and ENABLE_IPv6", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void EnablingIpv6AloneFailsBecauseIpv4DefaultsToTrue()
    {
        var error = Assert.Single(VpcCniSettingsBinder.Evaluate(Env((N.EnableIpv6, "true"), (N.EnablePrefixDelegation, "true"))).Errors);

        Assert.Equal(N.EnableIpv6, error.Variable);
        Assert.Contains("set ENABLE_IPv4=false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ipv6RequiresPrefixDelegationAndForbidsCustomNetworking()
    {
        var errors = VpcCniSettingsBinder.Evaluate(Env((N.EnableIpv4, "false"), (N.EnableIpv6, "true"), (N.CustomNetworkConfig, "true"))).Errors;

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Expected.StartsWith("ENABLE_PREFIX_DELEGATION=true", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Expected.StartsWith("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=false", StringComparison.Ordinal));
    }

    [Fact]
    public void PrefixDelegationWithoutAnyWarmTargetIsRejected()
    {
        var error = Assert.Single(VpcCniSettingsBinder.Evaluate(Env((N.EnablePrefixDelegation, "true"), (N.WarmPrefixTarget, "0"))).Errors);

        Assert.Equal(N.EnablePrefixDelegation, error.Variable);
        Assert.Contains("WARM_PREFIX_TARGET=0", error.RejectedValue, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(N.WarmIpTarget)]
    [InlineData(N.MinimumIpTarget)]
    public void PrefixDelegationIsAcceptedWhenAnIpTargetReplacesThePrefixTarget(string target)
    {
        Assert.True(VpcCniSettingsBinder.Evaluate(Env((N.EnablePrefixDelegation, "true"), (N.WarmPrefixTarget, "0"), (target, "1"))).IsValid);
    }

    [Fact]
    public void CrossFieldRulesAreSkippedWhenOneOfTheirVariablesDidNotParse()
    {
        var errors = VpcCniSettingsBinder.Evaluate(Env((N.EnablePrefixDelegation, "true"), (N.WarmPrefixTarget, "none"))).Errors;

        Assert.Equal(N.WarmPrefixTarget, Assert.Single(errors).Variable);
    }

    [Theory]
    [InlineData("1280", true)]
    [InlineData("1279", false)]
    [InlineData("9001", true)]
    public void Ipv6RaisesTheMinimumMtuTo1280(string mtu, bool valid)
    {
        var env = Env((N.EnableIpv4, "false"), (N.EnableIpv6, "true"), (N.EnablePrefixDelegation, "true"), (N.EniMtu, mtu), (N.PodMtu, mtu));

        var result = VpcCniSettingsBinder.Evaluate(env);

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(valid ? 0 : 2, result.Errors.Count);
    }

    [Theory]
    [InlineData("576")]
    [InlineData("9001")]
    public void Ipv4MtuBoundsAreInclusive(string mtu)
    {
        Assert.True(VpcCniSettingsBinder.Evaluate(Env((N.EniMtu, mtu), (N.PodMtu, mtu))).IsValid);
    }

    [Theory]
    [InlineData("127.0.0.1:61679")]
    [InlineData(":61679")]
    [InlineData("localhost:8080")]
    [InlineData("[::1]:61679")]
    [InlineData("unix:/var/run/aws-node/introspect.sock")]
    public void IntrospectionBindAddressAcceptsHostPortAndUnixForms(string address)
    {
        Assert.True(VpcCniSettingsBinder.Evaluate(Env((N.IntrospectionBindAddress, address))).IsValid);
    }

    [Theory]
    [InlineData("0x80", 0x80u)]
    [InlineData("0X80", 0x80u)]
    [InlineData("128", 128u)]
    [InlineData("0200", 128u)]
    [InlineData("0o200", 128u)]
    [InlineData("0b10000000", 128u)]
    [InlineData("0x_80", 0x80u)]
    [InlineData("0xFFFFFFFF", 0xFFFFFFFFu)]
    public void ConnmarkAutoDetectsTheBaseLikeGo(string text, uint expected)
    {
        Assert.Equal(expected, VpcCniSettingsBinder.Bind(Env((N.Connmark, text))).Settings.Networking.Connmark);
    }
}
