using VpcCni.Engine.Ipam.Checkpoint;
using VpcCni.Engine.Rpc;
using VpcCni.Service.CommandLine;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Acceptance;

/// <summary>
/// How the built executable ends: SIGTERM in the middle of pod churn (signal(7); what systemd sends on
/// stop), and a start refused for bad configuration under a service manager (sd_notify(3)).
/// </summary>
public sealed class LifecycleStopTests
{
    [Fact]
    public async Task SigtermDuringChurnLeavesAWholeCheckpointOfAcknowledgedPodsThatARestartRestoresExactly()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        using var directory = new TempDirectory();
        var churn = new CrashChurn(7);
        using var channel = UnixSocketChannel.Create(ServiceHarness.SocketPathIn(directory));
        var client = new CNIBackend.CNIBackendClient(channel);
        var settings = new Dictionary<string, string> { ["WARM_IP_TARGET"] = "3", ["IP_COOLDOWN_PERIOD"] = "1" };

        await using (var node = NodeProcess.StartAgainst(sim, directory, settings))
        {
            await node.WaitForLineAsync("IPAM socket:", TimeSpan.FromSeconds(60));
            using var stop = new CancellationTokenSource();
            var running = churn.RunAsync(client, workers: 4, targetPods: 12, stop.Token);
            await Task.Delay(1500);
            await node.SignalAsync("TERM");
            Assert.Equal(0, await node.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            await stop.CancelAsync();
            await running;
        }

        var store = new JsonFileCheckpointStore(Path.Combine(directory.Path, "ipam.json"));
        var left = await store.ReadAsync(CancellationToken.None);
        Assert.NotNull(left);
        Assert.Equal(IpamCheckpoint.CurrentVersion, left.Version);
        Assert.Empty(churn.SettleFromCheckpoint(left));
        Assert.Empty(churn.Violations);
        Assert.True(churn.Adds > 0, "the churn added no pod before the stop");

        var (view, environment) = NodeIntrospection.In(directory, "introspect");
        using var _ = view;
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        await using var restarted = NodeProcess.StartAgainst(sim, directory, environment);
        await restarted.WaitForLineAsync("IPAM socket:", TimeSpan.FromSeconds(60));
        Assert.Empty(await churn.VerifyRestoredAsync(client, await view.PodsAsync(CancellationToken.None), CancellationToken.None));
    }

    [Fact]
    public async Task UnderAServiceManagerABadVariableExitsWithExConfigNamingItAndNeverSignalsReady()
    {
        using var directory = new TempDirectory();
        using var notify = new NotifySocket(directory.Path);
        await using var node = NodeProcess.Start(
            [
                "run", "--config", Path.Combine(directory.Path, "absent.env"),
                $"--IpamSocket:Path={ServiceHarness.SocketPathIn(directory)}",
                $"--Datastore:CheckpointPath={Path.Combine(directory.Path, "ipam.json")}",
            ],
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = notify.Path, ["WARM_ENI_TARGET"] = "many" },
            systemdParentIn: directory.Path);

        Assert.Equal(NodeExitCodes.InvalidConfiguration, await node.WaitForExitAsync());
        Assert.Contains("WARM_ENI_TARGET", node.Stderr, StringComparison.Ordinal);
        Assert.Contains("'many'", node.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("READY=1", notify.Messages);
        Assert.False(File.Exists(ServiceHarness.SocketPathIn(directory)));
    }
}
