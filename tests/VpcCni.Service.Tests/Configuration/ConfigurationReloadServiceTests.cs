using Grpc.Health.V1;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Configuration;

/// <summary>The running executable reloads its env file on SIGHUP (the unit's ExecReload=) and when polling sees it change.</summary>
public sealed class ConfigurationReloadServiceTests
{
    [Fact]
    public async Task SighupAppliesTheNewWarmIpTargetFromTheEnvFileAndTheServiceKeepsServing()
    {
        using var directory = new TempDirectory();
        var envFile = await WriteEnvAsync(directory, "WARM_IP_TARGET=1\n");
        await using var node = Start(directory, envFile, pollSeconds: 0);
        await node.WaitForLineAsync("IPAM socket:");
        Assert.Contains("WARM_IP_TARGET=1", await node.WaitForLineAsync("live settings:"), StringComparison.Ordinal);

        await File.WriteAllTextAsync(envFile, "WARM_IP_TARGET=7\n");
        await node.SignalAsync("HUP");

        await node.WaitForLineAsync("Live setting WARM_IP_TARGET changed from 1 to 7");
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await HealthAsync(directory));
        await node.SignalAsync("TERM");
        Assert.Equal(0, await node.WaitForExitAsync());
    }

    [Fact]
    public async Task SighupReportsARestartOnlyChangeAndStillAppliesTheLiveOne()
    {
        using var directory = new TempDirectory();
        var envFile = await WriteEnvAsync(directory, "WARM_IP_TARGET=2\nAWS_VPC_K8S_CNI_VETHPREFIX=eni\n");
        await using var node = Start(directory, envFile, pollSeconds: 0);
        await node.WaitForLineAsync("IPAM socket:");

        await File.WriteAllTextAsync(envFile, "WARM_IP_TARGET=3\nAWS_VPC_K8S_CNI_VETHPREFIX=veth\n");
        await node.SignalAsync("HUP");

        Assert.Contains("AWS_VPC_K8S_CNI_VETHPREFIX", await node.WaitForLineAsync("apply only after a restart"), StringComparison.Ordinal);
        await node.WaitForLineAsync("Live setting WARM_IP_TARGET changed from 2 to 3");
    }

    [Fact]
    public async Task SighupWithAnInvalidValueIsRejectedAndTheServiceKeepsItsSettingsAndServing()
    {
        using var directory = new TempDirectory();
        var envFile = await WriteEnvAsync(directory, "WARM_IP_TARGET=2\n");
        await using var node = Start(directory, envFile, pollSeconds: 0);
        await node.WaitForLineAsync("IPAM socket:");

        await File.WriteAllTextAsync(envFile, "WARM_IP_TARGET=-3\n");
        await node.SignalAsync("HUP");

        Assert.Contains("WARM_IP_TARGET", await node.WaitForLineAsync("'-3' is not accepted"), StringComparison.Ordinal);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await HealthAsync(directory));
        await File.WriteAllTextAsync(envFile, "WARM_IP_TARGET=4\n");
        await node.SignalAsync("HUP");
        await node.WaitForLineAsync("Live setting WARM_IP_TARGET changed from 2 to 4");
    }

    [Fact]
    public async Task SighupAppliesANewLogLevelFromTheEnvFile()
    {
        using var directory = new TempDirectory();
        var envFile = await WriteEnvAsync(directory, "AWS_VPC_K8S_CNI_LOGLEVEL=ERROR\n");
        await using var node = Start(directory, envFile, pollSeconds: 0);
        await node.WaitForLineAsync("IPAM socket:");

        await File.WriteAllTextAsync(envFile, "AWS_VPC_K8S_CNI_LOGLEVEL=DEBUG\n");
        await node.SignalAsync("HUP");

        // Logged at Information once the new level is in force; under ERROR it would not be written.
        await node.WaitForLineAsync("Log level now follows AWS_VPC_K8S_CNI_LOGLEVEL: Debug");
        await node.WaitForLineAsync("Live setting AWS_VPC_K8S_CNI_LOGLEVEL changed from Error to Debug");
    }

    [Fact]
    public async Task AChangedEnvFileIsPickedUpByPollingWithoutASignal()
    {
        using var directory = new TempDirectory();
        var envFile = await WriteEnvAsync(directory, "MINIMUM_IP_TARGET=1\n");
        await using var node = Start(directory, envFile, pollSeconds: 1);
        await node.WaitForLineAsync("IPAM socket:");

        await File.WriteAllTextAsync(envFile, "MINIMUM_IP_TARGET=12\n");

        await node.WaitForLineAsync("Live setting MINIMUM_IP_TARGET changed from 1 to 12");
    }

    private static async Task<string> WriteEnvAsync(TempDirectory directory, string content)
    {
        var path = Path.Combine(directory.Path, "vpc-cni.env");
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    private static NodeProcess Start(TempDirectory directory, string envFile, int pollSeconds) => NodeProcess.Start(
    [
        "run", "--config", envFile, "--config-poll", pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        $"--IpamSocket:Path={ServiceHarness.SocketPathIn(directory)}",
        $"--Datastore:CheckpointPath={Path.Combine(directory.Path, "ipam.json")}",
    ]);

    private static async Task<HealthCheckResponse.Types.ServingStatus> HealthAsync(TempDirectory directory)
    {
        using var channel = UnixSocketChannel.Create(ServiceHarness.SocketPathIn(directory));
        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = "grpc.health.v1.aws-node" });
        return reply.Status;
    }
}
