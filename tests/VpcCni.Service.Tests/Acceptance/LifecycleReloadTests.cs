using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Acceptance;

/// <summary>
/// Live reload of the running executable against a simulator (docs/service.md, "Configuration and
/// reload"): a changed WARM_IP_TARGET in the environment file moves the pool's steady state in the
/// same process, whether the poll notices the edit or SIGHUP (the unit's <c>ExecReload=</c>) asks.
/// </summary>
public sealed class LifecycleReloadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AnEditedEnvFileChangesTheSteadyStateWithoutARestart()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        using var directory = new TempDirectory();
        var envFile = Path.Combine(directory.Path, "vpc-cni.env");
        await using var node = await StartSteadyAsync(sim, directory, envFile, warmIpTarget: 2, pollSeconds: 1);
        var pid = await node.NodePidAsync();

        await File.WriteAllTextAsync(envFile, "WARM_IP_TARGET=6\n");

        await node.WaitForLineAsync("Live setting WARM_IP_TARGET changed from 2 to 6", Patience);
        await UntilPrimaryHoldsAsync(sim, 6);
        Assert.Equal(pid, await node.NodePidAsync());
        Assert.Single(node.Stdout.Split('\n'), l => l.Contains("IPAM socket:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SighupAfterAnEditShrinksThePoolToTheNewTargetInTheSameProcess()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        using var directory = new TempDirectory();
        var envFile = Path.Combine(directory.Path, "vpc-cni.env");
        await using var node = await StartSteadyAsync(sim, directory, envFile, warmIpTarget: 6, pollSeconds: 0);
        var pid = await node.NodePidAsync();

        await File.WriteAllTextAsync(envFile, "WARM_IP_TARGET=3\n");
        await node.SignalAsync("HUP");

        await node.WaitForLineAsync("Live setting WARM_IP_TARGET changed from 6 to 3", Patience);
        await UntilPrimaryHoldsAsync(sim, 3);
        Assert.Equal(pid, await node.NodePidAsync());
    }

    /// <summary>Starts the service with <paramref name="envFile"/> holding WARM_IP_TARGET and waits for that steady state.</summary>
    private static async Task<NodeProcess> StartSteadyAsync(SimulatorServer sim, TempDirectory directory, string envFile, int warmIpTarget, int pollSeconds)
    {
        await File.WriteAllTextAsync(envFile, $"WARM_IP_TARGET={warmIpTarget}\n");
        var node = NodeProcess.StartAgainst(sim, directory,
            arguments: ["--config", envFile, "--config-poll", pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await node.WaitForLineAsync("IPAM socket:", Patience);
        await UntilPrimaryHoldsAsync(sim, warmIpTarget);
        return node;
    }

    /// <summary>Waits until EC2 shows exactly <paramref name="count"/> secondary addresses on the primary ENI, the only one the pool needs here.</summary>
    private static async Task UntilPrimaryHoldsAsync(SimulatorServer sim, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        int Held() => sim.World.Inspect(w => w.NetworkInterfaces[w.Instances[w.DefaultInstanceId].PrimaryNetworkInterfaceId].SecondaryIps.Count);
        while (Held() != count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the primary ENI holds {Held()} secondary addresses, not {count}");
            await Task.Delay(100);
        }
    }
}
