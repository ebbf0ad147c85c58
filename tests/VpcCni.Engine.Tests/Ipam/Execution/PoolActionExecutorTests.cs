using System.Net;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Tests.Ipam.Execution.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Engine.Tests.Ipam.Execution;

/// <summary><see cref="PoolActionExecutor"/> with the production provider against the simulator.</summary>
public sealed class PoolActionExecutorTests
{
    [Fact]
    public async Task CreateEniActionAddsTheNewEniAndExactlyTheAddressesEc2GrantedToTheDatastore()
    {
        await using var node = await SimulatedNode.StartAsync();

        var outcome = await node.Executor.ExecuteAsync(new CreateEniAction(4, 0, "test"), default);

        Assert.True(outcome.Succeeded);
        var described = (await node.DescribeAsync(outcome.EniId!))!;
        var tracked = node.Datastore.Snapshot().Enis.Single(e => e.Descriptor.Id == outcome.EniId);
        Assert.Equal(Sorted(described.SecondaryIpAddresses.Select(a => new IPNetwork(a, 32))), Sorted(tracked.Cidrs.Select(c => c.Network)));
        Assert.Equal(1, tracked.Descriptor.DeviceNumber);
    }

    [Fact]
    public async Task CreateThatEc2RefusesAddsNoEniAndReportsTheAwsCode()
    {
        await using var node = await SimulatedNode.StartAsync();
        node.Aws.Sim.InjectFault(new FaultRule { Action = "AttachNetworkInterface", ErrorCode = Ec2ErrorCodes.AttachmentLimitExceeded, Count = 1 });

        var result = await node.Executor.ExecuteAsync(Plan(new CreateEniAction(4, 0, "test")), default);

        Assert.Equal(1, result.ErrorsByCode[Ec2ErrorCodes.AttachmentLimitExceeded]);
        Assert.Equal([node.PrimaryEniId], node.Datastore.Snapshot().Enis.Select(e => e.Descriptor.Id));
        Assert.Single(await node.AllEnisAsync());
    }

    [Fact]
    public async Task AssignAddressesAddsExactlyTheAddressesEc2Granted()
    {
        await using var node = await SimulatedNode.StartAsync();

        var outcome = await node.Executor.ExecuteAsync(new AssignAddressesAction(node.PrimaryEniId, 3, "test"), default);

        var onEc2 = Sorted((await node.DescribeAsync(node.PrimaryEniId))!.SecondaryIpAddresses.Select(a => new IPNetwork(a, 32)));
        Assert.Equal(3, onEc2.Length);
        Assert.Equal(onEc2, Sorted(outcome.Added));
        Assert.Equal(onEc2, Cidrs(node, node.PrimaryEniId));
    }

    [Fact]
    public async Task AssignPrefixesAddsTheGrantedPrefixes()
    {
        await using var node = await SimulatedNode.StartAsync(prefixDelegation: true);

        await node.Executor.ExecuteAsync(new AssignPrefixesAction(node.PrimaryEniId, 2, "test"), default);

        var onEc2 = Sorted((await node.DescribeAsync(node.PrimaryEniId))!.Ipv4Prefixes);
        Assert.Equal(2, onEc2.Length);
        Assert.Equal(onEc2, Cidrs(node, node.PrimaryEniId));
    }

    [Fact]
    public async Task AssignThatEc2RefusesAddsNothingAndFlagsInsufficientCidrBlocks()
    {
        await using var node = await SimulatedNode.StartAsync(prefixDelegation: true);
        node.Aws.Sim.InjectFault(new FaultRule { Action = "AssignPrivateIpAddresses", ErrorCode = Ec2ErrorCodes.InsufficientCidrBlocks, Count = 1 });

        var result = await node.Executor.ExecuteAsync(Plan(new AssignPrefixesAction(node.PrimaryEniId, 1, "test")), default);

        Assert.True(result.HitInsufficientCidrBlocks);
        Assert.Equal(Ec2ErrorCodes.InsufficientCidrBlocks, Assert.Single(result.Failures).AwsErrorCode);
        Assert.Empty(Cidrs(node, node.PrimaryEniId));
    }

    [Fact]
    public async Task ReleaseTakesTheCidrsOutOfTheDatastoreAndGivesThemBackToEc2()
    {
        await using var node = await SimulatedNode.StartAsync();
        var granted = (await node.Executor.ExecuteAsync(new AssignAddressesAction(node.PrimaryEniId, 3, "test"), default)).Added;

        var result = await node.Executor.ExecuteAsync(Plan(new ReleaseCidrsAction(node.PrimaryEniId, granted.Take(2).ToArray(), "test")), default);

        Assert.True(result.ReleasedAny);
        Assert.Equal([granted[2]], Cidrs(node, node.PrimaryEniId));
        Assert.Equal([granted[2].BaseAddress], (await node.DescribeAsync(node.PrimaryEniId))!.SecondaryIpAddresses);
    }

    [Fact]
    public async Task ReleaseKeepsACidrThatAPodTookSinceThePlanWasMade()
    {
        await using var node = await SimulatedNode.StartAsync();
        var granted = (await node.Executor.ExecuteAsync(new AssignAddressesAction(node.PrimaryEniId, 1, "test"), default)).Added;
        await node.Datastore.AssignAsync(new IpamKey("vpc-cni", "sandbox-1", "eth0"), new IpamMetadata("default", "pod-1"), default);

        var outcome = await node.Executor.ExecuteAsync(new ReleaseCidrsAction(node.PrimaryEniId, granted, "test"), default);

        Assert.True(outcome.Succeeded);
        Assert.Empty(outcome.Removed);
        Assert.Equal(granted, Cidrs(node, node.PrimaryEniId));
        Assert.Empty(node.Aws.Requests("UnassignPrivateIpAddresses"));
    }

    [Fact]
    public async Task ReleaseThatEc2RefusesLeavesTheCidrsOutOfThePoolButOnTheEni()
    {
        await using var node = await SimulatedNode.StartAsync();
        var granted = (await node.Executor.ExecuteAsync(new AssignAddressesAction(node.PrimaryEniId, 2, "test"), default)).Added;
        node.Aws.Sim.InjectFault(new FaultRule { Action = "UnassignPrivateIpAddresses", ErrorCode = Ec2ErrorCodes.InvalidParameterValue, Count = 1 });

        var outcome = await node.Executor.ExecuteAsync(new ReleaseCidrsAction(node.PrimaryEniId, granted, "test"), default);

        Assert.False(outcome.Succeeded);
        Assert.Equal(Sorted(granted), Sorted(outcome.Removed));
        Assert.Empty(Cidrs(node, node.PrimaryEniId));
        Assert.Equal(2, (await node.DescribeAsync(node.PrimaryEniId))!.SecondaryIpAddresses.Count());
    }

    [Fact]
    public async Task FreeEniRemovesItFromTheDatastoreThenDetachesAndDeletesIt()
    {
        await using var node = await SimulatedNode.StartAsync();
        var eniId = (await node.Executor.ExecuteAsync(new CreateEniAction(2, 0, "test"), default)).EniId!;

        var outcome = await node.Executor.ExecuteAsync(new FreeEniAction(eniId, "test"), default);

        Assert.True(outcome.Succeeded);
        Assert.DoesNotContain(node.Datastore.Snapshot().Enis, e => e.Descriptor.Id == eniId);
        Assert.Null(await node.DescribeAsync(eniId));
        Assert.Empty(node.Host.SetUp);
    }

    [Fact]
    public async Task FreeEniHoldingAPodIsRefusedAndLeavesEc2Alone()
    {
        await using var node = await SimulatedNode.StartAsync();
        var eniId = (await node.Executor.ExecuteAsync(new CreateEniAction(1, 0, "test"), default)).EniId!;
        await node.Datastore.AssignAsync(new IpamKey("vpc-cni", "sandbox-1", "eth0"), new IpamMetadata("default", "pod-1"), default);

        var outcome = await node.Executor.ExecuteAsync(new FreeEniAction(eniId, "test"), default);

        Assert.False(outcome.Succeeded);
        Assert.Contains(node.Datastore.Snapshot().Enis, e => e.Descriptor.Id == eniId);
        Assert.Empty(node.Aws.Requests("DetachNetworkInterface"));
    }

    private static PoolPlan Plan(params PoolAction[] actions) => new()
    {
        Actions = actions,
        Stats = new IpamStats(),
        Target = new TargetState(false, false, 0, 0),
    };

    private static IPNetwork[] Cidrs(SimulatedNode node, string eniId) =>
        Sorted(node.Datastore.Snapshot().Enis.Single(e => e.Descriptor.Id == eniId).Cidrs.Select(c => c.Network));

    private static IPNetwork[] Sorted(IEnumerable<IPNetwork> cidrs) =>
        [.. cidrs.OrderBy(c => Networking.AddressMath.ToUInt32(c.BaseAddress)).ThenBy(c => c.PrefixLength)];
}
