using System.Reflection;
using VpcCni.Service.CommandLine;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.CommandLine;

public sealed class NodeCommandLineTests
{
    [Fact]
    public async Task VersionPrintsTheInformationalVersionAndExitsZero()
    {
        var expected = typeof(NodeCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var (exitCode, stdout, _) = await NodeProcess.RunAsync("--version");

        Assert.Equal(0, exitCode);
        Assert.Equal(expected, stdout.Trim());
    }

    [Fact]
    public async Task HelpOfRunNamesItsOptionsAndTheDefaultEnvFile()
    {
        var (exitCode, stdout, _) = await NodeProcess.RunAsync("run", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--config", stdout, StringComparison.Ordinal);
        Assert.Contains("--simulate", stdout, StringComparison.Ordinal);
        Assert.Contains(NodeCommandLine.DefaultConfigPath, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCommandFailsWithoutStartingAnything()
    {
        var (exitCode, _, stderr) = await NodeProcess.RunAsync("serve");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("serve", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    public async Task AnInvalidWarmIpTargetInTheEnvFileExitsWithExConfigBeforeServing(string value)
    {
        using var directory = new TempDirectory();
        var envFile = Path.Combine(directory.Path, "vpc-cni.env");
        await File.WriteAllTextAsync(envFile, $"# node settings\nWARM_IP_TARGET={value}\n");
        var socket = ServiceHarness.SocketPathIn(directory);

        var (exitCode, stdout, stderr) = await NodeProcess.RunAsync("run", "--config", envFile, $"--IpamSocket:Path={socket}");

        Assert.Equal(NodeExitCodes.InvalidConfiguration, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("WARM_IP_TARGET", line, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", line, StringComparison.Ordinal);
        Assert.Contains("an integer ≥ 0", line, StringComparison.Ordinal);
        Assert.DoesNotContain("IPAM socket", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(socket));
    }

    [Fact]
    public async Task AnInvalidHostOptionExitsWithExConfigNamingTheKey()
    {
        var (exitCode, _, stderr) = await NodeProcess.RunAsync("run", "--config", "/nonexistent/vpc-cni.env", "--IpamSocket:Path=relative/ipamd.sock");

        Assert.Equal(NodeExitCodes.InvalidConfiguration, exitCode);
        Assert.Contains("IpamSocket:Path 'relative/ipamd.sock' must be an absolute path", stderr, StringComparison.Ordinal);
    }
}
