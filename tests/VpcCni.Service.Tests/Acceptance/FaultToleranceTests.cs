using VpcCni.Engine.Rpc;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Acceptance;

/// <summary>
/// The built service against a simulator that fails and throttles EC2 calls ("Error codes for the
/// Amazon EC2 API", "Request throttling for the Amazon EC2 API"): the pool still reaches its steady
/// state, and ENIs left over by failed attaches are deleted at once, not by the hourly sweep.
/// </summary>
public sealed class FaultToleranceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task WithOneEc2CallInFiveFailingAndThrottledBucketsThePoolStillConvergesAndPodsGetAddresses()
    {
        var scenario = Scenario.Default();
        scenario.Faults =
        [
            // The first three calls are throttled whatever the buckets hold, then one in five fails.
            new FaultRule { Action = "*", ErrorCode = "RequestLimitExceeded", Count = 3 },
            new FaultRule { Action = "*", ErrorCode = "InternalError", Rate = 0.2 },
        ];
        foreach (var action in new[] { "AssignPrivateIpAddresses", "CreateNetworkInterface", "AttachNetworkInterface", "DescribeInstances" })
        {
            scenario.Throttling.Overrides[action] = new ScenarioBucket { Capacity = 1, RefillPerSecond = 0.5 };
        }

        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, CancellationToken.None);
        using var directory = new TempDirectory();
        var (view, environment) = NodeIntrospection.In(directory, "introspect");
        using var _ = view;

        // The SDK's own retries stay as in production (Ec2:MaxErrorRetry's default).
        await using var node = NodeProcess.StartAgainst(sim, directory, environment);
        await node.WaitForLineAsync("IPAM socket:", Patience);
        using var channel = UnixSocketChannel.Create(ServiceHarness.SocketPathIn(directory));
        var client = new CNIBackend.CNIBackendClient(channel);
        var addresses = new List<string>();
        foreach (var pod in new[] { "pod-1", "pod-2", "pod-3" })
        {
            addresses.Add((await ServiceHarness.AddWhenReadyAsync(client, pod, Patience)).IPAllocationMetadata.Single().IPv4Addr);
        }

        // WARM_ENI_TARGET=1 on an m5.large with three pods: two ENIs of nine secondary addresses each.
        await Until(async () => AttachedSecondaries(sim).SequenceEqual([9, 9])
            && SimulatorAgreement.Disagreements(sim, await view.EnisAsync(CancellationToken.None)).Count == 0, "two full ENIs, as the datastore says");
        Assert.Equal(3, addresses.Distinct().Count());
        var codes = sim.RequestLog.Snapshot().Select(r => r.ErrorCode).ToList();
        Assert.Contains("InternalError", codes);
        Assert.Contains("RequestLimitExceeded", codes);
    }

    [Fact]
    public async Task EnisCreatedWhileAttachFailsAreDeletedAtOnceNotByTheLeakedEniSweep()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        sim.InjectFault(new FaultRule { Action = "AttachNetworkInterface", ErrorCode = "InternalError" });
        using var directory = new TempDirectory();
        var (view, environment) = NodeIntrospection.In(directory, "introspect");
        using var _ = view;
        environment["DISABLE_LEAKED_ENI_CLEANUP"] = "true";

        // One retry keeps each failed attach short; the compensation path is the same after any number.
        environment["Ec2__MaxErrorRetry"] = "1";
        await using var node = NodeProcess.StartAgainst(sim, directory, environment);
        await node.WaitForLineAsync("IPAM socket:", Patience);
        using var channel = UnixSocketChannel.Create(ServiceHarness.SocketPathIn(directory));
        await ServiceHarness.AddWhenReadyAsync(new CNIBackend.CNIBackendClient(channel), "pod-1", Patience);

        // The first pod makes the pool one ENI short: every tick creates one and fails to attach it.
        await Until(() => Task.FromResult(Succeeded(sim, "DeleteNetworkInterface") >= 2), "two ENIs whose attach failed are deleted");
        sim.ClearFaults();

        await Until(async () => AttachedSecondaries(sim).SequenceEqual([9, 9])
            && SimulatorAgreement.Disagreements(sim, await view.EnisAsync(CancellationToken.None)).Count == 0, "the pool converges once attaching works");
        Assert.Equal(Succeeded(sim, "CreateNetworkInterface") - 1, Succeeded(sim, "DeleteNetworkInterface"));
        Assert.DoesNotContain("Deleted leaked ENI", node.Stdout + node.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Secondary address counts of the ENIs attached to the instance, primary first.</summary>
    private static int[] AttachedSecondaries(SimulatorServer sim) => sim.World.Inspect(w => w.NetworkInterfaces.Values
        .Where(e => e.Attachment?.InstanceId == w.DefaultInstanceId && e.Status == "in-use")
        .OrderBy(e => e.Attachment!.DeviceIndex)
        .Select(e => e.SecondaryIps.Count)
        .ToArray());

    private static int Succeeded(SimulatorServer sim, string action) =>
        sim.RequestLog.Snapshot().Count(r => r.Action == action && r.ErrorCode is null);

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(200);
        }
    }
}
