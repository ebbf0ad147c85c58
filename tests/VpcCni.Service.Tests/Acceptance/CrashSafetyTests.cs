using VpcCni.Engine.Ipam.Checkpoint;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;
using Xunit.Abstractions;

namespace VpcCni.Service.Tests.Acceptance;

/// <summary>
/// The built service killed with SIGKILL (kill(1), signal(7): no handler runs) at random moments of
/// pod churn, twenty times, against one simulator that outlives it, as EC2 outlives a node's daemon.
/// What the client was told must survive every crash (docs/service.md, "Crash safety"), and once the
/// last process has reconciled and swept, EC2 and the datastore agree and nothing leaked.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Rounds = 20;
    private const int Seed = 4242;

    [Fact]
    public async Task TwentyKillNineRestartsUnderChurnLoseNoAcknowledgedPodGiveNoAddressTwiceAndLeakNoEni()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario() }, CancellationToken.None);
        using var directory = new TempDirectory();
        var checkpoint = new JsonFileCheckpointStore(Path.Combine(directory.Path, "ipam.json"));
        var random = new Random(Seed);
        var churn = new CrashChurn(Seed);
        using var channel = UnixSocketChannel.Create(ServiceHarness.SocketPathIn(directory));
        var client = new CNIBackend.CNIBackendClient(channel);

        for (var round = 0; round < Rounds; round++)
        {
            var (view, environment) = NodeIntrospection.In(directory, $"introspect-{round}");
            using (view)
            {
                var attachedBefore = AttachedEnis(sim);
                await using var node = NodeProcess.StartAgainst(sim, directory, Settings(environment));
                var problems = new List<string>();
                if (random.NextDouble() < 0.2)
                {
                    // Killed while it initialises: the restore may be rewriting the checkpoint.
                    await Task.Delay(random.Next(50, 800));
                    await node.SignalAsync("KILL");
                }
                else
                {
                    await node.WaitForLineAsync("IPAM socket:", TimeSpan.FromSeconds(60));
                    problems.AddRange(await churn.VerifyRestoredAsync(client, await view.PodsAsync(CancellationToken.None), CancellationToken.None));
                    problems.AddRange(await TrackedAsync(view, attachedBefore, TimeSpan.FromSeconds(15)));
                    using var stop = new CancellationTokenSource();
                    var running = churn.RunAsync(client, workers: 4, targetPods: random.Next(2, 25), stop.Token);
                    await Task.Delay(random.Next(300, 3000));
                    await node.SignalAsync("KILL");
                    await running;
                }

                Assert.Equal(137, await node.WaitForExitAsync());
                var left = await checkpoint.ReadAsync(CancellationToken.None);
                problems.AddRange(left is null
                    ? churn.Live.Select(p => $"no checkpoint, yet {p.Key} ({p.Value}) is live")
                    : churn.SettleFromCheckpoint(left));
                problems.AddRange(churn.Violations);
                Assert.True(problems.Count == 0, $"round {round} (seed {Seed}):\n{string.Join('\n', problems)}\n--- service output:\n{node.Stdout}\n{node.Stderr}");
            }
        }

        var (final, finalEnvironment) = NodeIntrospection.In(directory, "introspect-final");
        using (final)
        {
            await using var last = NodeProcess.StartAgainst(sim, directory, Settings(finalEnvironment));
            await last.WaitForLineAsync("IPAM socket:", TimeSpan.FromSeconds(60));
            Assert.Empty(await churn.VerifyRestoredAsync(client, await final.PodsAsync(CancellationToken.None), CancellationToken.None));

            using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
            {
                await churn.RunAsync(client, workers: 4, targetPods: 12, stop.Token);
            }

            Assert.Empty(churn.Violations);
            Assert.True(churn.Adds > Rounds && churn.Deletes > Rounds, $"too little churn: {churn.Adds} adds, {churn.Deletes} deletes");

            // Reconciliation and the leaked-ENI sweep run on short timers here; poll until both have had
            // their say and the pool is at rest.
            var disagreements = await AgreementAsync(sim, final, TimeSpan.FromSeconds(45));
            Assert.True(disagreements.Count == 0, string.Join('\n', disagreements) + $"\n--- service output:\n{last.Stdout}\n{last.Stderr}");
            Assert.Equal(churn.Live.OrderBy(p => p.Key, StringComparer.Ordinal), (await final.PodsAsync(CancellationToken.None)).OrderBy(p => p.Key, StringComparer.Ordinal));
            output.WriteLine($"{churn.Adds} adds, {churn.Deletes} deletes, {churn.EmptyPoolReplies} empty-pool replies, {churn.Live.Count} pods at the end; EC2: "
                + string.Join(", ", sim.RequestLog.Snapshot().Where(r => r.Action is "CreateNetworkInterface" or "AttachNetworkInterface" or "DeleteNetworkInterface"
                    or "AssignPrivateIpAddresses" or "UnassignPrivateIpAddresses").GroupBy(r => r.Action).Select(g => $"{g.Count()} {g.Key}")));
        }
    }

    /// <summary>
    /// The default world with EC2 attach delays and an instance-metadata view that lags EC2, as AWS
    /// does, on an instance type of many small ENIs (3 secondary addresses each), so that the pool
    /// keeps creating ENIs while pods come and go.
    /// </summary>
    private static Scenario Scenario()
    {
        var scenario = VpcCni.Simulator.Scenarios.Scenario.Default();
        scenario.InstanceTypes = [new ScenarioInstanceType { InstanceType = "zz9.crash", EniLimit = 8, Ipv4PerEni = 4, VCpus = 2 }];
        scenario.Instances = [new ScenarioInstance { InstanceType = "zz9.crash", AvailabilityZone = "us-west-2a" }];
        scenario.Delays = new ScenarioDelays { AttachMs = 50, DetachMs = 50 };
        scenario.Imds = new ScenarioImds { AttachLagMs = 1000, IpLagMs = 100, DetachLagMs = 100 };

        // Slow changes widen the windows a kill can land in: between create and attach, between EC2
        // granting or taking back addresses and the datastore learning of it.
        scenario.Faults =
        [
            new FaultRule { Action = "AttachNetworkInterface", LatencyMs = 150 },
            new FaultRule { Action = "AssignPrivateIpAddresses", LatencyMs = 100 },
            new FaultRule { Action = "UnassignPrivateIpAddresses", LatencyMs = 100 },
        ];
        return scenario;
    }

    /// <summary>
    /// WARM_IP_TARGET makes the pool follow the pods in small steps: it grows by addresses and ENIs,
    /// gives surplus back and frees ENIs the pods left. Cooldown, release interval, ENI lifetime,
    /// reconciliation and the leaked-ENI sweep are shortened so that each has run within a round.
    /// </summary>
    private static Dictionary<string, string> Settings(Dictionary<string, string> environment)
    {
        environment["WARM_IP_TARGET"] = "2";
        environment["IP_COOLDOWN_PERIOD"] = "1";
        environment["NodeLoop__DecreaseInterval"] = "00:00:00.300";
        environment["NodeLoop__MinimumEniLifetime"] = "00:00:00.500";
        environment["NodeReconcile__Interval"] = "00:00:00.500";
        environment["LeakedEniCleanup__InitialDelay"] = "00:00:01";
        environment["LeakedEniCleanup__Interval"] = "00:00:01";
        environment["LeakedEniCleanup__Jitter"] = "00:00:00";

        // The createdAt tag has whole seconds; an ENI of the running process is never this old unattached.
        environment["LeakedEniCleanup__MinimumAge"] = "00:00:03";
        return environment;
    }

    private static HashSet<string> AttachedEnis(SimulatorServer sim) =>
        sim.World.Inspect(w => w.NetworkInterfaces.Values.Where(e => e.Attachment?.InstanceId == w.DefaultInstanceId).Select(e => e.Id).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// Every ENI EC2 had attached when the process started is in its datastore soon after: instance
    /// metadata may not list one attached just before the restart yet, and reconciliation must adopt it.
    /// </summary>
    private static async Task<IEnumerable<string>> TrackedAsync(NodeIntrospection view, HashSet<string> attached, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var missing = attached.Except((await view.EnisAsync(CancellationToken.None)).Keys).ToList();
            if (missing.Count == 0 || DateTime.UtcNow > deadline)
            {
                return missing.Select(id => $"{id} was attached before the restart and is not in the datastore after {timeout.TotalSeconds} s");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<IReadOnlyList<string>> AgreementAsync(SimulatorServer sim, NodeIntrospection view, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var disagreements = SimulatorAgreement.Disagreements(sim, await view.EnisAsync(CancellationToken.None));
            if (disagreements.Count == 0 || DateTime.UtcNow > deadline)
            {
                return disagreements;
            }

            await Task.Delay(200);
        }
    }
}
