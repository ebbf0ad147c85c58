using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Node;

/// <summary>
/// AddNetwork calls that find the pool empty wait for it to grow, and the pool loop grows for them at
/// once, several ENIs side by side (docs/service.md, "AddNetwork"; docs/ipam.md, "Demand").
/// </summary>
public sealed class DemandGrowthTests
{
    [Fact]
    public async Task SixtyPodsAtOnceOnAnEmptyM54xlargeAllGetAnAddressWithoutARetryAndWithTheFewestEc2Calls()
    {
        await using var sim = await StartSimulatorAsync("m5.4xlarge");
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory);

        var deadline = DateTime.UtcNow.AddMinutes(1);
        var replies = await Task.WhenAll(Enumerable.Range(0, 60).Select(pod =>
            node.Cni.AddNetworkAsync(ServiceHarness.AddRequest($"pod-{pod}"), deadline: deadline).ResponseAsync));

        Assert.All(replies, r => Assert.True(r.Success));
        Assert.Equal(60, replies.Select(r => r.IPAllocationMetadata.Single().IPv4Addr).Distinct().Count());

        // 29 on the primary ENI and two new ENIs of 29 cover the 60 pods; the next tick adds the warm
        // ENI WARM_ENI_TARGET=1 wants (27 free < 29), with the 23 addresses that bring the pool to
        // maxPods 110 and no further (docs/ipam.md, step 2).
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([29, 29, 29, 23]), "the pool settles at maxPods: three full ENIs and 23 on the fourth");
        await NodeHarness.TicksAsync(5);
        Assert.Equal([29, 29, 29, 23], node.CidrsPerEni);
        Assert.Equal(
            (1, 3, 3, 3, 1),
            (NodeHarness.Requests(sim, "AssignPrivateIpAddresses"), NodeHarness.Requests(sim, "CreateNetworkInterface"),
             NodeHarness.Requests(sim, "AttachNetworkInterface"), NodeHarness.Requests(sim, "ModifyNetworkInterfaceAttribute"),
             NodeHarness.Requests(sim, "DescribeInstances")));
        Assert.Equal(0, NodeHarness.Requests(sim, "DeleteNetworkInterface") + NodeHarness.Requests(sim, "UnassignPrivateIpAddresses"));
        Assert.All(sim.RequestLog.Snapshot(), r => Assert.Null(r.ErrorCode));
    }

    [Theory]
    [InlineData("00:00:00", 0)] // upstream's behaviour: an empty pool answers at once
    [InlineData("00:00:00.500", 0)] // the wait is over
    [InlineData("00:05:00", 3)] // the caller's deadline comes first: Success=false, not DEADLINE_EXCEEDED
    public async Task AnEmptyPoolThatDoesNotGrowAnswersSuccessFalseAfterTheWaitOrBeforeTheDeadline(string wait, int deadlineSeconds)
    {
        await using var sim = await StartSimulatorAsync("m5.large");
        foreach (var action in new[] { "AssignPrivateIpAddresses", "CreateNetworkInterface" })
        {
            sim.InjectFault(new FaultRule { Action = action, ErrorCode = "InternalError" });
        }

        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory, new Dictionary<string, string?> { ["NodeLoop:AddNetworkWait"] = wait });

        // A deadline generous enough for a loaded machine to answer within the margin the service keeps.
        DateTime? deadline = deadlineSeconds > 0 ? DateTime.UtcNow.AddSeconds(deadlineSeconds) : null;
        var reply = await node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-1"), deadline: deadline);

        Assert.False(reply.Success);
        Assert.Empty(reply.IPAllocationMetadata);
    }

    [Fact]
    public async Task ACallThatWaitsGetsTheAddressTheLoopAddsForIt()
    {
        await using var sim = await StartSimulatorAsync("m5.large");
        sim.InjectFault(new FaultRule { Action = "AssignPrivateIpAddresses", ErrorCode = "InternalError", Count = 1 });
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory);

        // The first growth fails; the waiting call gets the address the next tick's growth brings.
        var reply = await node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-1"), deadline: DateTime.UtcNow.AddMinutes(1));

        Assert.True(reply.Success);
        Assert.Equal(2, NodeHarness.Requests(sim, "AssignPrivateIpAddresses"));
    }

    private static Task<SimulatorServer> StartSimulatorAsync(string instanceType)
    {
        var scenario = Scenario.Default();
        scenario.Instances[0].InstanceType = instanceType;
        return SimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, CancellationToken.None);
    }
}
