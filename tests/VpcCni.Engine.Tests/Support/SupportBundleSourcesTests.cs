using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Support;

namespace VpcCni.Engine.Tests.Support;

/// <summary>A node's sources on a machine where the node is down and no tool is installed: the bundle is still written.</summary>
public sealed class SupportBundleSourcesTests
{
    private const string IptablesSave = "networking/iptables-save" + SupportBundleBuilder.TextExtension;

    [Fact]
    public async Task WithTheNodeDownAndNoToolsTheFilesStillComeAndEverythingElseIsAnError()
    {
        using var dir = new TempDirectory();
        var options = new SupportBundleOptions
        {
            IntrospectionEndpoint = "unix:" + dir.File("missing.sock"),
            MetricsEndpoint = "unix:" + dir.File("missing-metrics.sock"),
            IntrospectionTimeout = TimeSpan.FromSeconds(1),
            ConfigFile = dir.File("vpc-cni.env"),
            CniConfigFile = dir.File("10-aws.conflist"),
            CheckpointFile = dir.File("ipam.json"),
            PluginLogFile = dir.File("plugin.log"),
            ToolSearchPath = dir.File("no-tools"),
        };
        await File.WriteAllTextAsync(options.ConfigFile, "WARM_ENI_TARGET=1\n");
        await File.WriteAllTextAsync(options.CniConfigFile, "{}");
        await File.WriteAllTextAsync(options.CheckpointFile, "{\"version\":\"vpc-cni-ipam/1\"}");

        var result = await new SupportBundleBuilder(new FakeTimeProvider()).WriteAsync(SupportBundleSources.Node(options), dir.File("b.tar.gz"), false, null, CancellationToken.None);

        var ok = result.Entries.Where(e => e.Status == SupportBundleBuilder.StatusOk).Select(e => e.Path);
        Assert.Equal(["ipamd/ipam.json", "cni/10-aws.conflist", "system/vpc-cni.env"], ok);
        Assert.Equal("skipped", result.Entries.Single(e => e.Path == "networking/nft-ruleset" + SupportBundleBuilder.TextExtension).Status);
        Assert.All(result.Entries.Where(e => e.Path.StartsWith("ipamd/enis", StringComparison.Ordinal) || e.Path == IptablesSave),
            e => Assert.Equal(SupportBundleBuilder.StatusError, e.Status));
        Assert.Contains("not installed", result.Entries.Single(e => e.Path == IptablesSave).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("node1", "/var/run/netns/node1")]
    [InlineData("/proc/1/ns/net", "/proc/1/ns/net")]
    public void ANamespaceNameIsLookedUpWhereIpNetnsKeepsThem(string? given, string? path) =>
        Assert.Equal(path, SupportBundleSources.NamespacePath(given));
}
