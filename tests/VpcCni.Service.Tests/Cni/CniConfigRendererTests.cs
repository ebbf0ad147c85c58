using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Cni;

namespace VpcCni.Service.Tests.Cni;

public sealed class CniConfigRendererTests
{
    private static readonly string PackagedFile = Path.Combine(RepositoryFiles.Root, "packaging", "cni", "10-aws.conflist");

    [Fact]
    public void ANodeWithDefaultSettingsWritesExactlyThePackagedFile()
    {
        var rendered = Render();

        Assert.Equal(File.ReadAllText(PackagedFile), Encoding.UTF8.GetString(rendered));
    }

    [Fact]
    public void ThePackagedFileIsAListLibcniLoadsWithUpstreamsNetworkNameAndTheDefaultChain()
    {
        var list = LibcniConfList.Load(PackagedFile);

        // The datastore keys pods by the network name; upstream's keeps a moved node's checkpoint valid.
        Assert.Equal("aws-cni", list.Name);
        Assert.Equal(new IpamDatastoreSettings().NetworkName, list.Name);
        Assert.Equal("1.0.0", list.CniVersion);
        Assert.False(list.DisableCheck);
        Assert.Equal(["vpc-cni", "portmap"], list.PluginTypes);
        var plugin = list.Plugin("vpc-cni");
        Assert.Equal("aws-cni", plugin.GetProperty("name").GetString());
        Assert.Equal("eni", plugin.GetProperty("vethPrefix").GetString());
        Assert.Equal("9001", plugin.GetProperty("mtu").GetString());
        Assert.Equal("strict", plugin.GetProperty("podSGEnforcingMode").GetString());
        Assert.Equal("/var/log/aws-routed-eni/plugin.log", plugin.GetProperty("pluginLogFile").GetString());
        Assert.Equal("Debug", plugin.GetProperty("pluginLogLevel").GetString());
        Assert.Equal(UnixSocketChannel.DefaultIpamSocketPath, plugin.GetProperty("ipamSocket").GetString());
        Assert.Equal(CniConfigOptions.DefaultNetworkPolicySocket, plugin.GetProperty("networkPolicySocket").GetString());
        Assert.True(plugin.GetProperty("capabilities").GetProperty("io.kubernetes.cri.pod-annotations").GetBoolean());
        var portmap = list.Plugin("portmap");
        Assert.True(portmap.GetProperty("capabilities").GetProperty("portMappings").GetBoolean());
        Assert.True(portmap.GetProperty("snat").GetBoolean());
    }

    [Fact]
    public void NonDefaultSettingsReachThePluginEntry()
    {
        var list = LibcniConfList.Parse(Render(
            ("POD_MTU", "1500"), ("AWS_VPC_K8S_CNI_VETHPREFIX", "veth"), ("POD_SECURITY_GROUP_ENFORCING_MODE", "standard"),
            ("AWS_VPC_K8S_PLUGIN_LOG_FILE", "stderr"), ("AWS_VPC_K8S_PLUGIN_LOG_LEVEL", "INFO")));

        var plugin = list.Plugin("vpc-cni");
        Assert.Equal("1500", plugin.GetProperty("mtu").GetString());
        Assert.Equal("veth", plugin.GetProperty("vethPrefix").GetString());
        Assert.Equal("standard", plugin.GetProperty("podSGEnforcingMode").GetString());
        Assert.Equal("stderr", plugin.GetProperty("pluginLogFile").GetString());
        Assert.Equal("Info", plugin.GetProperty("pluginLogLevel").GetString());
        Assert.Equal(["vpc-cni", "portmap"], list.PluginTypes);
    }

    [Theory]
    [InlineData(null, null, "9001")]
    [InlineData("1500", null, "1500")]
    [InlineData("1500", "1400", "1400")]
    public void TheMtuIsTheEffectivePodMtuWrittenAsAString(string? eniMtu, string? podMtu, string expected)
    {
        var variables = new List<(string, string)>();
        if (eniMtu is not null)
        {
            variables.Add(("AWS_VPC_ENI_MTU", eniMtu));
        }

        if (podMtu is not null)
        {
            variables.Add(("POD_MTU", podMtu));
        }

        var mtu = LibcniConfList.Parse(Render([.. variables])).Plugin("vpc-cni").GetProperty("mtu");

        Assert.Equal(System.Text.Json.JsonValueKind.String, mtu.ValueKind);
        Assert.Equal(expected, mtu.GetString());
    }

    [Fact]
    public void TheBandwidthPluginIsChainedAfterPortmapOnlyWhenEnabled()
    {
        var on = LibcniConfList.Parse(Render(("ENABLE_BANDWIDTH_PLUGIN", "true")));
        var off = LibcniConfList.Parse(Render(("ENABLE_BANDWIDTH_PLUGIN", "false")));

        Assert.Equal(["vpc-cni", "portmap", "bandwidth"], on.PluginTypes);
        Assert.True(on.Plugin("bandwidth").GetProperty("capabilities").GetProperty("bandwidth").GetBoolean());
        Assert.Equal(["vpc-cni", "portmap"], off.PluginTypes);
    }

    [Fact]
    public void DisablePodV6ChainsTheTuningPluginLastWithUpstreamsSysctls()
    {
        var list = LibcniConfList.Parse(Render(("ENABLE_BANDWIDTH_PLUGIN", "true"), ("DISABLE_POD_V6", "true")));

        Assert.Equal(["vpc-cni", "portmap", "bandwidth", "tuning"], list.PluginTypes);
        var sysctl = list.Plugin("tuning").GetProperty("sysctl");
        Assert.Equal(
            ["net.ipv6.conf.all.disable_ipv6", "net.ipv6.conf.default.disable_ipv6", "net.ipv6.conf.lo.disable_ipv6"],
            sysctl.EnumerateObject().Select(p => p.Name));
        Assert.All(sysctl.EnumerateObject(), p => Assert.Equal("1", p.Value.GetString()));
    }

    [Fact]
    public void TheSocketPathsAreWrittenAsGivenAndAQuoteOrBackslashKeepsTheJsonValid()
    {
        var rendered = CniConfigRenderer.Render(new VpcCniSettings(), "/run/a\"b\\c/ipamd.sock", "/run/np.sock");

        var plugin = LibcniConfList.Parse(rendered).Plugin("vpc-cni");
        Assert.Equal("/run/a\"b\\c/ipamd.sock", plugin.GetProperty("ipamSocket").GetString());
        Assert.Equal("/run/np.sock", plugin.GetProperty("networkPolicySocket").GetString());
    }

    [Theory]
    [InlineData(false, "127.0.0.1:61679", "127.0.0.1:61679")]
    [InlineData(false, ":61679", "127.0.0.1:61679")]
    [InlineData(false, "0.0.0.0:7000", "127.0.0.1:7000")]
    [InlineData(false, "[::]:7000", "[::1]:7000")]
    [InlineData(false, "10.0.0.5:7000", "10.0.0.5:7000")]
    [InlineData(false, "unix:/run/aws-node/introspect.sock", "unix:/run/aws-node/introspect.sock")]
    [InlineData(true, "127.0.0.1:61679", null)]
    public void ThePluginIsToldWhereIntrospectionAnswersOnTheNodeForGcAndNothingWhenItIsOff(bool disabled, string bind, string? written)
    {
        var address = CniConfigRenderer.IntrospectionDialAddress(new VpcCni.Service.Introspection.IntrospectionOptions { Disabled = disabled, BindAddress = bind });
        var plugin = LibcniConfList.Parse(CniConfigRenderer.Render(new VpcCniSettings(), "/run/ipamd.sock", "/run/np.sock", address)).Plugin("vpc-cni");

        Assert.Equal(written, plugin.TryGetProperty("introspectionAddress", out var value) ? value.GetString() : null);
    }

    [Theory]
    [InlineData("debug", "Debug")]
    [InlineData("Info", "Info")]
    [InlineData("WARN", "Warn")]
    [InlineData("error", "Error")]
    [InlineData("fatal", "Fatal")]
    public void EveryPluginLogLevelIsWrittenInUpstreamsSpelling(string variable, string written)
    {
        var plugin = LibcniConfList.Parse(Render(("AWS_VPC_K8S_PLUGIN_LOG_LEVEL", variable))).Plugin("vpc-cni");

        Assert.Equal(written, plugin.GetProperty("pluginLogLevel").GetString());
    }

    [Fact]
    public void ALogLevelThePluginCannotHaveIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CniConfigRenderer.PluginLogLevelName(LogLevel.None));
    }

    /// <summary>Binds <paramref name="variables"/> as the node does and renders with the default sockets.</summary>
    private static byte[] Render(params (string Name, string Value)[] variables)
    {
        var environment = new ConfigurationBuilder()
            .AddInMemoryCollection(variables.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value)))
            .Build();
        var settings = VpcCniSettingsBinder.Bind(environment).Settings;
        return CniConfigRenderer.Render(settings, UnixSocketChannel.DefaultIpamSocketPath, CniConfigOptions.DefaultNetworkPolicySocket);
    }
}
