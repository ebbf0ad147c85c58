using VpcCni.Engine.Aws;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Node;

/// <summary>
/// Addresses assigned to the node's ENI behind its back: when growth then meets
/// PrivateIpAddressLimitExceeded, the node takes EC2's word for what the ENI holds (upstream
/// pkg/ipamd/ipamd.go, increaseDatastorePool) instead of failing every tick.
/// </summary>
public sealed class PoolResyncTests
{
    [Fact]
    public async Task TheNextGrowAfterAddressesWereAssignedBehindTheNodesBackResyncsFromEc2()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory, new Dictionary<string, string?>
        {
            ["WARM_IP_TARGET"] = "2",

            // The periodic reconcile would also find them; keep it out of the way.
            ["NodeReconcile:Interval"] = "01:00:00",
        });
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([2]), "the primary ENI holds 2 addresses");
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var primary = node.Datastore.Snapshot().Enis[0].Descriptor.Id;
        var behindTheBack = await ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Addresses(primary, 7), default);

        Assert.True((await node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-1"))).Success);
        Assert.True((await node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-2"))).Success);

        // The 7 join the pool, then the surplus beyond WARM_IP_TARGET goes back: the node knew of them.
        await NodeHarness.EventuallyAsync(() => NodeHarness.Requests(sim, "UnassignPrivateIpAddresses") == 1, "the surplus is released");
        await NodeHarness.TicksAsync(5);
        Assert.Equal([4], node.CidrsPerEni);
        var assigns = sim.RequestLog.Snapshot().Where(r => r.Action == "AssignPrivateIpAddresses").Select(r => r.ErrorCode ?? "granted");
        Assert.Equal(["granted", "granted", Ec2ErrorCodes.PrivateIpAddressLimitExceeded], assigns);
        Assert.Equal(0, NodeHarness.Requests(sim, "CreateNetworkInterface"));
        var onEc2 = (await ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.ForIds(primary), default)).Single().SecondaryIpAddresses.ToHashSet();
        Assert.Equal(4, onEc2.Count);
        Assert.Subset(onEc2, node.Datastore.Snapshot().Enis[0].Cidrs.Select(c => c.Network.BaseAddress).ToHashSet());
        Assert.NotEmpty(behindTheBack.Addresses);
    }
}
