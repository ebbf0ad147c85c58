using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Acceptance;

/// <summary>
/// 500 pods added and deleted through the gRPC socket of the built service by concurrent callers, in a seeded
/// random order, while the pool grows to three ENIs and shrinks again (m5.large, WARM_IP_TARGET=3, released
/// addresses cooling for 1 s). Checked throughout by a <see cref="ChurnLedger"/>; at the end the datastore, EC2,
/// the checkpoint file and the introspection view must all say the same.
/// </summary>
public sealed class ChurnThroughGrpcTests
{
    private const int Pods = 500;
    private const int Callers = 6;
    private const int Seed = 20_250_601;
    private const int WarmIp = 3;

    /// <summary>
    /// The live pods the callers aim for: three waves up to 18 and back to none. With one pod more per caller
    /// racing past the aim, at most 23 pods live, which the node's 27 addresses hold with WARM_IP_TARGET to spare.
    /// </summary>
    private const double Peak = 18;

    private int _started;

    [Fact]
    public async Task FiveHundredPodsComeAndGoWithoutAnAddressHandedOutTwiceOrLost()
    {
        await using var node = await AcceptanceNode.StartAsync("m5.large", AcceptanceNode.Settings(29, false, ("WARM_IP_TARGET", WarmIp)));
        var ledger = new ChurnLedger();

        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(() => CallAsync(node, ledger, caller))));

        foreach (var pod in ledger.Live.Keys.Skip(5).ToArray())
        {
            ledger.Deleted(pod, await node.DeletePodAsync(pod));
        }

        await AgreeAsync(node, ledger, "five pods left");
        var calls = node.Calls;
        Assert.True(calls.Create >= 2 && calls.Unassign >= 1, $"the pool neither grew to three ENIs nor gave addresses back: {calls}");
        // A delete that comes while EC2 still detaches the ENI is refused and retried (upstream pkg/awsutils/awsutils.go
        // FreeENI retries it too); on a loaded machine the detach can outlast the first attempt. Nothing else may fail.
        var failed = node.Sim.RequestLog.Snapshot()
            .Where(r => r.HttpStatus >= 400 && !(r.Action == "DeleteNetworkInterface" && r.ErrorCode == "InvalidParameterValue"))
            .Select(r => $"{r.Action} {r.HttpStatus} {r.ErrorCode}").ToArray();
        Assert.True(failed.Length == 0, $"EC2 refused calls during the churn: {string.Join("; ", failed)}\n{node.Process.Stderr}");
        Assert.Equal((calls.Create, calls.Create, calls.Delete), (calls.Attach, calls.Modify, calls.Detach));

        foreach (var pod in ledger.Live.Keys.ToArray())
        {
            ledger.Deleted(pod, await node.DeletePodAsync(pod));
        }

        await AgreeAsync(node, ledger, "no pod left");
    }

    /// <summary>
    /// One caller: mostly adds a new pod while fewer than the aim live, else deletes one of its own; now and then
    /// repeats the ADD of a live pod of its own (the same address must come back) or the DEL of one it deleted.
    /// </summary>
    private async Task CallAsync(AcceptanceNode node, ChurnLedger ledger, int caller)
    {
        var random = new Random(Seed + caller);
        var mine = new List<string>();
        var gone = new List<string>();
        while (true)
        {
            var roll = random.NextDouble();
            if (roll < 0.08 && mine.Count > 0)
            {
                var pod = mine[random.Next(mine.Count)];
                ledger.Added(pod, await node.AddPodAsync(pod));
            }
            else if (roll < 0.12 && gone.Count > 0)
            {
                var pod = gone[random.Next(gone.Count)];
                ledger.Deleted(pod, await node.DeletePodAsync(pod));
            }
            else if (mine.Count > 0 && ledger.LiveCount >= Aim(Volatile.Read(ref _started)))
            {
                var pod = mine[random.Next(mine.Count)];
                mine.Remove(pod);
                gone.Add(pod);
                ledger.Deleted(pod, await node.DeletePodAsync(pod));
            }
            else if (Interlocked.Increment(ref _started) is var number && number <= Pods)
            {
                var pod = $"churn-{number}";
                mine.Add(pod);
                ledger.Added(pod, await node.AddPodAsync(pod));
            }
            else
            {
                return;
            }
        }
    }

    private static double Aim(int started) => Peak * Math.Pow(Math.Sin(Math.PI * started / (Pods / 3.0)), 2);

    /// <summary>Once the pool holds still, every view of who holds what must agree with the callers' ledger.</summary>
    private static async Task AgreeAsync(AcceptanceNode node, ChurnLedger ledger, string what)
    {
        Assert.Empty(ledger.Violations);
        await node.SettleAsync(what);
        var live = ledger.Live;
        foreach (var (pod, address) in live)
        {
            Assert.Equal(address, await node.AddPodAsync(pod));
        }

        var (total, assigned) = await node.DatastoreTotalsAsync();
        Assert.Equal((node.AddressesInEc2, live.Count), (total, assigned));
        Assert.Equal(live.Count + WarmIp, total);
        var inEc2 = node.Sim.World.Inspect(w => w.NetworkInterfaces.Values
            .Where(e => e.Attachment?.InstanceId == node.InstanceId)
            .SelectMany(e => e.SecondaryIps)
            .ToHashSet());
        Assert.Subset(inEc2, live.Values.ToHashSet());
        Assert.Equal(live.OrderBy(p => p.Key, StringComparer.Ordinal), (await PodAddressViews.FromCheckpointAsync(node.CheckpointPath)).OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(live.OrderBy(p => p.Key, StringComparer.Ordinal), (await PodAddressViews.FromIntrospectionAsync(node.Introspection)).OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
