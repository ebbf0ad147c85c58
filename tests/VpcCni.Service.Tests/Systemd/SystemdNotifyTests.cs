using Grpc.Health.V1;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Systemd;

/// <summary>
/// The executable started the way systemd starts a <c>Type=notify</c> service, with a real
/// NOTIFY_SOCKET bound by the test: what it tells the service manager, and how it stops.
/// </summary>
public sealed class SystemdNotifyTests
{
    [Fact]
    public async Task ReadyReachesTheNotifySocketWhenTheIpamSocketAlreadyAnswers()
    {
        using var directory = new TempDirectory();
        using var notify = new NotifySocket(directory.Path);
        await using var node = Start(directory, notify);

        await notify.WaitForAsync("READY=1");

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await HealthAsync(directory));
        Assert.DoesNotContain("WATCHDOG=1", notify.Messages);
    }

    [Fact]
    public async Task SigtermSendsStoppingExitsZeroAndRemovesTheSocketFile()
    {
        using var directory = new TempDirectory();
        using var notify = new NotifySocket(directory.Path);
        await using var node = Start(directory, notify);
        await notify.WaitForAsync("READY=1");

        await node.SignalAsync("TERM");

        Assert.Equal(0, await node.WaitForExitAsync());
        await notify.WaitForAsync("STOPPING=1");
        Assert.Equal(["READY=1", "STOPPING=1"], notify.Messages);
        Assert.False(File.Exists(ServiceHarness.SocketPathIn(directory)));
    }

    [Fact]
    public async Task WatchdogPingsArriveAtHalfTheIntervalFromWatchdogUsec()
    {
        using var directory = new TempDirectory();
        using var notify = new NotifySocket(directory.Path);
        var started = DateTime.UtcNow;
        await using var node = Start(directory, notify, new() { ["WATCHDOG_USEC"] = "400000" });

        await notify.WaitForAsync("WATCHDOG=1", count: 4);

        Assert.Contains("WATCHDOG=1 every 00:00:00.2", await node.WaitForLineAsync("systemd watchdog on"), StringComparison.Ordinal);
        Assert.Contains("READY=1", notify.Messages);
    }

    [Fact]
    public async Task NoWatchdogPingsWhenWatchdogPidNamesAnotherProcess()
    {
        using var directory = new TempDirectory();
        using var notify = new NotifySocket(directory.Path);
        await using var node = Start(directory, notify, new() { ["WATCHDOG_USEC"] = "200000", ["WATCHDOG_PID"] = "1" });
        await notify.WaitForAsync("READY=1");

        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.DoesNotContain("WATCHDOG=1", notify.Messages);
    }

    private static NodeProcess Start(TempDirectory directory, NotifySocket notify, Dictionary<string, string>? environment = null)
    {
        environment ??= [];
        environment["NOTIFY_SOCKET"] = notify.Path;
        return NodeProcess.Start(
            [
                "run", "--config", Path.Combine(directory.Path, "absent.env"),
                $"--IpamSocket:Path={ServiceHarness.SocketPathIn(directory)}",
                $"--Datastore:CheckpointPath={Path.Combine(directory.Path, "ipam.json")}",
            ],
            environment,
            systemdParentIn: directory.Path);
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> HealthAsync(TempDirectory directory)
    {
        using var channel = UnixSocketChannel.Create(ServiceHarness.SocketPathIn(directory));
        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = "grpc.health.v1.aws-node" });
        return reply.Status;
    }
}
