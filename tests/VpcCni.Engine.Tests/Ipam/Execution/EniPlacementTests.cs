using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Placement;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Tests.Ipam.Execution.Support;
using VpcCni.Engine.Tests.Ipam.Placement;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Engine.Tests.Ipam.Execution;

/// <summary>Where <see cref="VpcCni.Engine.Ipam.Execution.Ec2EniProvider"/> puts a new ENI, against the simulator (<see cref="PlacementWorld"/>).</summary>
public sealed class EniPlacementTests
{
    private const string Key = "k8s.amazonaws.com/eniConfig";

    [Fact]
    public async Task WithSubnetDiscoveryANewEniGoesToTheCandidateWithTheMostFreeAddresses()
    {
        await using var node = await SimulatedNode.StartAsync(configure: PlacementWorld.Configure);

        var eni = await node.Provider.CreateEniAsync(2, 0, default);

        var described = (await node.DescribeAsync(eni.Descriptor.Id))!;
        Assert.Equal((PlacementWorld.TaggedLarge, PlacementWorld.TaggedLarge), (described.SubnetId, eni.Descriptor.SubnetId));
        Assert.Equal([node.Aws.DefaultSecurityGroup], described.SecurityGroupIds);
        Assert.Single(node.Aws.Requests("DescribeSubnets"));
    }

    [Fact]
    public async Task EnisCreatedSideBySideShareOneSubnetListingAndWithoutReuseEachListsAgain()
    {
        await using (var node = await SimulatedNode.StartAsync(configure: PlacementWorld.Configure))
        {
            var enis = await Task.WhenAll(node.Provider.CreateEniAsync(2, 0, default), node.Provider.CreateEniAsync(2, 0, default));

            Assert.All(enis, e => Assert.Equal(PlacementWorld.TaggedLarge, e.Descriptor.SubnetId));
            Assert.Single(node.Aws.Requests("DescribeSubnets"));
        }

        await using var fresh = await SimulatedNode.StartAsync(configure: PlacementWorld.Configure, placement: o => o.SubnetListingReuse = TimeSpan.Zero);
        await fresh.Provider.CreateEniAsync(2, 0, default);
        await fresh.Provider.CreateEniAsync(2, 0, default);
        Assert.Equal(2, fresh.Aws.Requests("DescribeSubnets").Count);
    }

    [Fact]
    public async Task WithoutSubnetDiscoveryANewEniGoesToThePrimaryEnisSubnet()
    {
        await using var node = await SimulatedNode.StartAsync(configure: PlacementWorld.Configure, placement: o => o.SubnetDiscovery = false);

        var eni = await node.Provider.CreateEniAsync(2, 0, default);

        Assert.Equal(PlacementWorld.Primary, (await node.DescribeAsync(eni.Descriptor.Id))!.SubnetId);
        Assert.Empty(node.Aws.Requests("DescribeSubnets"));
    }

    [Fact]
    public async Task ASubnetThatRefusesTheEniPassesItToTheNextCandidate()
    {
        await using var node = await SimulatedNode.StartAsync(configure: PlacementWorld.Configure);
        node.Aws.Sim.InjectFault(new FaultRule { Action = "CreateNetworkInterface", ErrorCode = Ec2ErrorCodes.InsufficientFreeAddressesInSubnet, Count = 1 });

        var eni = await node.Provider.CreateEniAsync(2, 0, default);

        Assert.Equal(PlacementWorld.TaggedSmall, (await node.DescribeAsync(eni.Descriptor.Id))!.SubnetId);
        Assert.Equal(2, node.Aws.Requests("CreateNetworkInterface").Count);
    }

    [Fact]
    public async Task WhenThePrimarySubnetIsExcludedAndNoneIsTaggedNoEniIsCreated()
    {
        await using var node = await SimulatedNode.StartAsync(configure: s =>
        {
            PlacementWorld.Configure(s);
            s.Subnets.RemoveAll(x => x.Tags.GetValueOrDefault(SubnetDiscovery.RoleTag) == SubnetDiscovery.IncludedValue);
            s.Subnets[0].Tags[SubnetDiscovery.RoleTag] = SubnetDiscovery.ExcludedValue;
        });

        var error = await Assert.ThrowsAsync<VpcCniException>(() => node.Provider.CreateEniAsync(2, 0, default));

        Assert.Equal(ErrorIds.PoolExecution.NoEligibleSubnet, error.ErrorId);
        Assert.Empty(node.Aws.Requests("CreateNetworkInterface"));
    }

    [Fact]
    public async Task CustomNetworkingPutsTheEniInTheNodesEniConfigSubnetWithItsGroups()
    {
        var configs = new InMemoryEniConfigSource(
            new NodeObjectMetadata(new Dictionary<string, string> { [Key] = "pods-a" }, new Dictionary<string, string>()),
            new EniConfig("default", PlacementWorld.TaggedSmall, []),
            new EniConfig("pods-a", PlacementWorld.Untagged, [PlacementWorld.PodsGroup]));
        await using var node = await SimulatedNode.StartAsync(configure: PlacementWorld.Configure, placement: o => o.CustomNetworking = true, eniConfigs: configs);

        var eni = await node.Provider.CreateEniAsync(2, 0, default);

        var described = (await node.DescribeAsync(eni.Descriptor.Id))!;
        Assert.Equal((PlacementWorld.Untagged, PlacementWorld.Untagged), (described.SubnetId, eni.Descriptor.SubnetId));
        Assert.Equal([PlacementWorld.PodsGroup], described.SecurityGroupIds);
        Assert.Empty(node.Aws.Requests("DescribeSubnets"));
    }

    [Fact]
    public async Task AnEniConfigWithoutGroupsTakesThePrimaryEnisGroups()
    {
        var configs = new InMemoryEniConfigSource(NodeObjectMetadata.Empty, new EniConfig("default", PlacementWorld.Untagged, []));
        await using var node = await SimulatedNode.StartAsync(configure: PlacementWorld.Configure, placement: o => o.CustomNetworking = true, eniConfigs: configs);

        var eni = await node.Provider.CreateEniAsync(2, 0, default);

        var described = (await node.DescribeAsync(eni.Descriptor.Id))!;
        Assert.Equal(PlacementWorld.Untagged, described.SubnetId);
        Assert.Equal([node.Aws.DefaultSecurityGroup], described.SecurityGroupIds);
    }

    [Fact]
    public async Task WithoutTheNodesEniConfigTheExecutorReportsNoEniConfigAndCreatesNothing()
    {
        var configs = new InMemoryEniConfigSource(
            new NodeObjectMetadata(new Dictionary<string, string> { [Key] = "missing" }, new Dictionary<string, string>()),
            new EniConfig("default", PlacementWorld.Untagged, []));
        await using var node = await SimulatedNode.StartAsync(configure: PlacementWorld.Configure, placement: o => o.CustomNetworking = true, eniConfigs: configs);

        var outcome = await node.Executor.ExecuteAsync(new CreateEniAction(2, 0, "test"), default);

        Assert.Equal(ErrorIds.CustomNetworking.NoEniConfig, outcome.Error!.ErrorId);
        Assert.Empty(node.Aws.Requests("CreateNetworkInterface"));
        Assert.Single(node.Datastore.Snapshot().Enis);

        configs.Put(new EniConfig("missing", PlacementWorld.TaggedSmall, []));
        Assert.True((await node.Executor.ExecuteAsync(new CreateEniAction(2, 0, "test"), default)).Succeeded);
    }

    [Fact]
    public async Task OnAFurtherNetworkCardTheEniIsAttachedToThatCardFromDeviceZeroWithTheCardsRouteTable()
    {
        await using var node = await SimulatedNode.StartAsync("p4d.24xlarge", placement: o => o.NetworkCard = 2);

        var first = await node.Provider.CreateEniAsync(1, 0, default);
        var second = await node.Provider.CreateEniAsync(1, 0, default);

        var attachment = (await node.DescribeAsync(first.Descriptor.Id))!.Attachment!;
        Assert.Equal((2, 0), (attachment.NetworkCardIndex, attachment.DeviceIndex));
        Assert.Equal((0, 10200), (first.Descriptor.DeviceNumber, first.Descriptor.RouteTableId));
        Assert.Equal((1, 10201), (second.Descriptor.DeviceNumber, second.Descriptor.RouteTableId));
        Assert.All(node.Host.SetUp, spec => Assert.Equal(2, spec.NetworkCard));
        Assert.Equal(2, new VpcCni.Engine.Ipam.Execution.EniProviderOptions().ForNetworkCard(2).NetworkCard);
    }
}
