using VpcCni.Service.CommandLine;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Cni;

/// <summary>The built <c>vpc-cni-node</c> writing, or refusing to start over, its CNI configuration.</summary>
public sealed class CniConfigProcessTests
{
    private const string Written = "Wrote the CNI configuration ";

    [Fact]
    public async Task UnderSimulateTheServiceWritesTheListBesideItsSocketOnceReadyAndLogsItOnce()
    {
        await using var node = NodeProcess.Start(
            ["run", "--config", "/nonexistent/vpc-cni.env", "--simulate"],
            new Dictionary<string, string> { [CniConfigTestDefaults.EnabledVariable] = "true", ["AWS_VPC_K8S_PLUGIN_LOG_FILE"] = "stderr" });
        var socket = (await node.WaitForLineAsync("IPAM socket: ")).Split("IPAM socket: ")[1].Trim();

        var line = await node.WaitForLineAsync(Written);

        var file = Path.Combine(Path.GetDirectoryName(socket)!, "10-aws.conflist");
        Assert.Contains($"{Written}{file}: network aws-cni, plugins vpc-cni, portmap", line, StringComparison.Ordinal);
        var plugin = LibcniConfList.Load(file).Plugin("vpc-cni");
        Assert.Equal(socket, plugin.GetProperty("ipamSocket").GetString());
        Assert.Equal("stderr", plugin.GetProperty("pluginLogFile").GetString());

        // Written once: nothing rewrites it while the node keeps serving.
        var writtenAt = File.GetLastWriteTimeUtc(file);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(file));
        Assert.Single(node.Stdout.Split('\n'), l => l.Contains(Written, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnInvalidFileNameEndsTheRunWithExConfigNamingTheKey()
    {
        using var directory = new TempDirectory();
        var socket = ServiceHarness.SocketPathIn(directory);

        var (exitCode, stdout, stderr) = await NodeProcess.RunAsync(
            "run", "--config", "/nonexistent/vpc-cni.env", $"--IpamSocket:Path={socket}", "--CniConfig:FileName=10-aws.conf");

        Assert.Equal(NodeExitCodes.InvalidConfiguration, exitCode);
        var line = Assert.Single(stderr.Split('\n'), l => l.StartsWith("vpc-cni-node: invalid configuration:", StringComparison.Ordinal));
        Assert.Contains("CniConfig:FileName '10-aws.conf' must be a file name", line, StringComparison.Ordinal);
        Assert.DoesNotContain("IPAM socket", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(socket));
    }
}
