using System.Net;
using Microsoft.Extensions.Configuration;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Ipam;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Node;

/// <summary>
/// The pool loop on an m5.large (3 ENIs × 10 IPv4, so 9 secondary addresses or 9 prefixes per ENI)
/// reaches the steady states the planner's own tests expect (WarmPoolPlannerTests.SteadyStates), with
/// the EC2 calls that takes and no more.
/// </summary>
public sealed class WarmPoolLoopTests
{
    [Fact]
    public async Task WarmEniTargetOneFillsThePrimaryEniAndTheFirstPodBringsASecondFullEni()
    {
        await using var sim = await StartSimulatorAsync();
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory);

        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([9]), "the primary ENI holds 9 addresses");
        await NodeHarness.TicksAsync(5);
        Assert.Equal([9], node.CidrsPerEni);
        Assert.Equal((1, 0), (NodeHarness.Requests(sim, "AssignPrivateIpAddresses"), NodeHarness.Requests(sim, "CreateNetworkInterface")));

        var reply = await node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-1"));
        Assert.True(reply.Success);
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([9, 9]), "a second ENI with 9 addresses is attached");
        await NodeHarness.TicksAsync(5);

        Assert.Equal([9, 9], node.CidrsPerEni);
        Assert.Equal(
            (1, 1, 1, 1, 1),
            (NodeHarness.Requests(sim, "AssignPrivateIpAddresses"), NodeHarness.Requests(sim, "CreateNetworkInterface"),
             NodeHarness.Requests(sim, "AttachNetworkInterface"), NodeHarness.Requests(sim, "ModifyNetworkInterfaceAttribute"),
             NodeHarness.Requests(sim, "DescribeInstances")));
        Assert.Equal(0, NodeHarness.Requests(sim, "UnassignPrivateIpAddresses") + NodeHarness.Requests(sim, "DeleteNetworkInterface"));
        Assert.Equal(2, node.Host.SetUp.Count);
        Assert.True(node.Readiness.CanAssignAddress);
    }

    [Fact]
    public async Task PrefixDelegationKeepsOneFreePrefixAndAddsAnotherWhenSixteenPodsFillTheFirst()
    {
        await using var sim = await StartSimulatorAsync();
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory, new Dictionary<string, string?>
        {
            ["ENABLE_PREFIX_DELEGATION"] = "true",
            ["WARM_PREFIX_TARGET"] = "1",
        });

        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([1]), "the primary ENI holds one prefix");
        await NodeHarness.TicksAsync(5);
        Assert.Equal([1], node.CidrsPerEni);
        Assert.Equal(1, NodeHarness.Requests(sim, "AssignPrivateIpAddresses"));
        Assert.All(node.Datastore.Snapshot().Enis[0].Cidrs, c => Assert.Equal(28, c.Network.PrefixLength));

        for (var pod = 0; pod < 16; pod++)
        {
            Assert.True((await node.Cni.AddNetworkAsync(ServiceHarness.AddRequest($"pod-{pod}"))).Success);
        }

        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([2]), "a second prefix is added");
        await NodeHarness.TicksAsync(5);
        Assert.Equal([2], node.CidrsPerEni);
        Assert.Equal((2, 0), (NodeHarness.Requests(sim, "AssignPrivateIpAddresses"), NodeHarness.Requests(sim, "CreateNetworkInterface")));
    }

    [Fact]
    public async Task AWarmIpTargetSetWhileRunningReleasesTheSurplusAtTheNextTick()
    {
        await using var sim = await StartSimulatorAsync();
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory);
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([9]), "the primary ENI holds 9 addresses");

        // What an env-file or ConfigMap reload does: new values, then the configuration's change token fires.
        node.App.Configuration["WARM_IP_TARGET"] = "2";
        ((IConfigurationRoot)node.App.Configuration).Reload();

        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([2]), "7 surplus addresses are released");
        await NodeHarness.TicksAsync(5);
        Assert.Equal([2], node.CidrsPerEni);
        Assert.Equal(1, NodeHarness.Requests(sim, "UnassignPrivateIpAddresses"));
    }

    [Fact]
    public async Task ARestartAgainstTheSameSimulatorAndCheckpointKeepsThePodsAddress()
    {
        await using var sim = await StartSimulatorAsync();
        using var directory = new TempDirectory();
        IPAddress before;
        await using (var first = await NodeHarness.StartAsync(sim, directory))
        {
            await NodeHarness.EventuallyAsync(() => first.CidrsPerEni.SequenceEqual([9]), "the primary ENI holds 9 addresses");
            var reply = await first.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-1"));
            before = IPAddress.Parse(reply.IPAllocationMetadata.Single().IPv4Addr);
            await NodeHarness.EventuallyAsync(() => first.CidrsPerEni.SequenceEqual([9, 9]), "a second ENI is attached");
        }

        var createsBefore = NodeHarness.Requests(sim, "CreateNetworkInterface");
        await using var second = await NodeHarness.StartAsync(sim, directory);

        var key = new IpamKey(ServiceHarness.NetworkName, "pod-1", "eth0");
        Assert.Equal(before, second.Datastore.FindAssignment(key)?.Address);
        Assert.Equal([9, 9], second.CidrsPerEni);
        Assert.Equal(1, second.Readiness.Facts!.RestoredAssignments);
        var again = await second.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-1"));
        Assert.Equal(before.ToString(), again.IPAllocationMetadata.Single().IPv4Addr);
        Assert.Equal(2, second.Host.SetUp.Count);
        await NodeHarness.TicksAsync(5);
        Assert.Equal(createsBefore, NodeHarness.Requests(sim, "CreateNetworkInterface"));
    }

    [Fact]
    public async Task InsufficientCidrBlocksPausesGrowthForTheCooldownAndTheLoopGrowsAfterIt()
    {
        var cooldown = TimeSpan.FromSeconds(2);
        await using var sim = await StartSimulatorAsync();
        sim.InjectFault(new FaultRule { Action = "AssignPrivateIpAddresses", ErrorCode = Ec2ErrorCodes.InsufficientCidrBlocks, Count = 1 });
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory, new Dictionary<string, string?>
        {
            ["ENABLE_PREFIX_DELEGATION"] = "true",
            ["NodeLoop:InsufficientAddressCooldown"] = cooldown.ToString(),

            // With subnet discovery the refusal would send growth to a new ENI instead (SubnetDiscoveryTests).
            ["ENABLE_SUBNET_DISCOVERY"] = "false",
        });
        Assert.True(node.Readiness.IsInitialized);
        Assert.False(node.Readiness.CanAssignAddress);

        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([1]), "the pool grows once the cooldown is over");

        var assigns = sim.RequestLog.Snapshot().Where(r => r.Action == "AssignPrivateIpAddresses").ToArray();
        Assert.Equal(2, assigns.Length);
        Assert.Equal(Ec2ErrorCodes.InsufficientCidrBlocks, assigns[0].ErrorCode);
        Assert.Null(assigns[1].ErrorCode);
        // Every tick in between (20 of them at 100 ms) wanted to grow; none asked EC2 before the cooldown ended.
        Assert.True(assigns[1].Time - assigns[0].Time >= cooldown - TimeSpan.FromMilliseconds(200),
            $"growth resumed {(assigns[1].Time - assigns[0].Time).TotalMilliseconds:0} ms after the failure");
        Assert.Equal(0, NodeHarness.Requests(sim, "CreateNetworkInterface"));
    }

    private static Task<SimulatorServer> StartSimulatorAsync() =>
        SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
}
