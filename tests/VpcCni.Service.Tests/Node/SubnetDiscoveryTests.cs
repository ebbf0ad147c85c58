using VpcCni.Engine.Aws;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;

namespace VpcCni.Service.Tests.Node;

/// <summary>
/// Where the node's new ENIs and addresses come from with ENABLE_SUBNET_DISCOVERY (on by default): the
/// real host against the simulator's subnets (<see cref="SubnetScenario"/>), EC2 calls counted.
/// </summary>
public sealed class SubnetDiscoveryTests
{
    [Fact]
    public async Task ANewEniGoesToTheTaggedSubnetWithTheMostFreeAddressesTaggedAsUpstreamTagsIt()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = SubnetScenario.Create() }, CancellationToken.None);
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory, new Dictionary<string, string?>
        {
            ["CLUSTER_NAME"] = "blue",
            ["ADDITIONAL_ENI_TAGS"] = """{"team":"net","cost-center":"42"}""",
        });
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([9]), "the primary ENI holds 9 addresses");

        Assert.True((await node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-1"))).Success);
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([9, 9]), "a second ENI is attached");

        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var created = (await ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.All, default)).Single(e => e.Attachment?.DeviceIndex == 1);
        Assert.Equal(SubnetScenario.TaggedMostFree, created.SubnetId);
        Assert.Equal(SubnetScenario.TaggedMostFree, node.Datastore.Snapshot().Enis[1].Descriptor.SubnetId);
        Assert.Equal("aws-K8S-" + sim.World.DefaultInstanceId, created.Description);
        Assert.Equal(sim.World.DefaultInstanceId, created.Tags["node.k8s.amazonaws.com/instance_id"]);
        Assert.True(DateTimeOffset.TryParse(created.Tags["node.k8s.amazonaws.com/createdAt"], System.Globalization.CultureInfo.InvariantCulture, out var createdAt));
        Assert.True(DateTimeOffset.UtcNow - createdAt < TimeSpan.FromMinutes(1));
        Assert.Equal(("blue", "net", "42"), (created.Tags["cluster.k8s.amazonaws.com/name"], created.Tags["team"], created.Tags["cost-center"]));
        Assert.Equal(
            (1, 1, 1, 2),
            (NodeHarness.Requests(sim, "AssignPrivateIpAddresses"), NodeHarness.Requests(sim, "CreateNetworkInterface"),
             NodeHarness.Requests(sim, "AttachNetworkInterface"), NodeHarness.Requests(sim, "DescribeSubnets")));
    }

    [Fact]
    public async Task AnEniInAnExcludedSubnetStaysAttachedGivesNoPodAnAddressAndItsFreeAddressesGoBack()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = SubnetScenario.Create() }, CancellationToken.None);
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var excluded = await ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest
        {
            SubnetId = SubnetScenario.Excluded,
            SecondaryPrivateIpAddressCount = 3,
            Tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["node.k8s.amazonaws.com/instance_id"] = sim.World.DefaultInstanceId },
        }, default);
        await ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(excluded.NetworkInterfaceId, sim.World.DefaultInstanceId, 1), default);
        using var directory = new TempDirectory();

        await using var node = await NodeHarness.StartAsync(sim, directory);
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([9, 0]), "the primary ENI holds 9 addresses and the excluded one none");
        for (var pod = 0; pod < 9; pod++)
        {
            var reply = await node.Cni.AddNetworkAsync(ServiceHarness.AddRequest($"pod-{pod}"));
            Assert.True(reply.Success);
            Assert.Equal(0, reply.IPAllocationMetadata[0].DeviceNumber);
        }

        await NodeHarness.EventuallyAsync(() => node.Datastore.Snapshot().Enis.Count == 3, "a third ENI is attached for more pods");
        var enis = node.Datastore.Snapshot().Enis;
        Assert.True(enis[1].Descriptor.IsExcludedForPodIps);
        Assert.Equal(excluded.NetworkInterfaceId, enis[1].Descriptor.Id);
        Assert.Empty((await ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.ForIds(excluded.NetworkInterfaceId), default)).Single().SecondaryIpAddresses);
        Assert.Equal(SubnetScenario.TaggedMostFree, enis[2].Descriptor.SubnetId);
        Assert.Equal(1, NodeHarness.Requests(sim, "UnassignPrivateIpAddresses"));
        Assert.Equal(0, NodeHarness.Requests(sim, "DetachNetworkInterface"));
    }

    [Fact]
    public async Task WhenThePrimarySubnetRunsOutTheNodeAsksForOneThenGrowsANewEniInAnotherSubnet()
    {
        await using var sim = await StartWithFreeInPrimarySubnetAsync(3);
        using var directory = new TempDirectory();

        await using var node = await NodeHarness.StartAsync(sim, directory);
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([3, 9]), "3 addresses on the primary ENI and a new ENI with 9");
        await NodeHarness.TicksAsync(5);

        Assert.Equal([3, 9], node.CidrsPerEni);
        Assert.Equal(SubnetScenario.TaggedMostFree, node.Datastore.Snapshot().Enis[1].Descriptor.SubnetId);
        var assigns = sim.RequestLog.Snapshot().Where(r => r.Action == "AssignPrivateIpAddresses").Select(r => r.ErrorCode ?? "granted");
        const string Out = Ec2ErrorCodes.InsufficientFreeAddressesInSubnet;
        Assert.Equal([Out, "granted", Out, "granted", Out, "granted", Out, Out], assigns);
        Assert.Equal(1, NodeHarness.Requests(sim, "CreateNetworkInterface") - 1);
    }

    [Fact]
    public async Task WithoutSubnetDiscoveryARunOutPrimarySubnetPausesGrowthAndNoEniIsCreated()
    {
        await using var sim = await StartWithFreeInPrimarySubnetAsync(0);
        using var directory = new TempDirectory();

        await using var node = await NodeHarness.StartAsync(sim, directory, new Dictionary<string, string?> { ["ENABLE_SUBNET_DISCOVERY"] = "false" });
        await NodeHarness.EventuallyAsync(() => NodeHarness.Requests(sim, "AssignPrivateIpAddresses") >= 2, "the node asked for addresses");
        await NodeHarness.TicksAsync(10);

        Assert.Equal([0], node.CidrsPerEni);
        Assert.Equal(2, NodeHarness.Requests(sim, "AssignPrivateIpAddresses"));
        Assert.Equal(1, NodeHarness.Requests(sim, "CreateNetworkInterface"));
        Assert.Equal(0, NodeHarness.Requests(sim, "DescribeSubnets"));
    }

    /// <summary>
    /// A /28 primary subnet holds 11 addresses: the primary ENI's own, and an idle ENI (its primary address
    /// and secondaries) that leaves <paramref name="free"/> for the node.
    /// </summary>
    private static async Task<SimulatorServer> StartWithFreeInPrimarySubnetAsync(int free)
    {
        var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = SubnetScenario.Create("10.0.0.0/28") }, CancellationToken.None);
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        await ec2.CreateNetworkInterfaceAsync(
            new Ec2CreateNetworkInterfaceRequest { SubnetId = SubnetScenario.Primary, SecondaryPrivateIpAddressCount = 11 - 1 - 1 - free }, default);
        return sim;
    }
}
