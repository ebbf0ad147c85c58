using VpcCni.Engine.Aws;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Tests.Ipam.Execution.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Engine.Tests.Ipam.Execution;

/// <summary>Plans of several grow actions (for waiting calls) run side by side against the simulator.</summary>
public sealed class PoolActionExecutorSideBySideTests
{
    [Fact]
    public async Task AFillAndThreeCreatesRunSideBySideWithOneDescribeInstancesAndDistinctDevices()
    {
        // Every call takes 400 ms: run one after another, each create's attach would come before the next create.
        await using var node = await SimulatedNode.StartAsync("m5.4xlarge", configure: s => s.Faults.Add(new FaultRule { Action = "*", LatencyMs = 400 }));
        var reported = new List<PoolActionOutcome>();

        var result = await node.Executor.ExecuteAsync(
            Plan(new AssignAddressesAction(node.PrimaryEniId, 29, "t"), new CreateEniAction(29, 0, "t"), new CreateEniAction(29, 0, "t"), new CreateEniAction(29, 0, "t")),
            new Recorder(reported), default);

        Assert.All(result.Outcomes, o => Assert.True(o.Succeeded, o.Error?.Message));
        Assert.Equal(4, reported.Count);
        var snapshot = node.Datastore.Snapshot();
        Assert.Equal([0, 1, 2, 3], snapshot.Enis.Select(e => e.Descriptor.DeviceNumber));
        Assert.All(snapshot.Enis, e => Assert.Equal(29, e.Cidrs.Count));
        Assert.Single(node.Aws.Requests("DescribeInstances"));
        var log = node.Aws.Sim.RequestLog.Snapshot();
        var lastCreate = log.Where(r => r.Action == "CreateNetworkInterface").Max(r => r.Time);
        var firstAttach = log.Where(r => r.Action == "AttachNetworkInterface").Min(r => r.Time);
        Assert.True(lastCreate < firstAttach, "the three creates ran side by side, before any attach");
    }

    [Fact]
    public async Task AFailedAttachInASideBySidePlanIsUndoneAndTheOtherEnisLand()
    {
        await using var node = await SimulatedNode.StartAsync("m5.4xlarge");
        node.Aws.Sim.InjectFault(new FaultRule { Action = "AttachNetworkInterface", ErrorCode = Ec2ErrorCodes.AttachmentLimitExceeded, Count = 1 });

        var result = await node.Executor.ExecuteAsync(
            Plan(new CreateEniAction(10, 0, "t"), new CreateEniAction(10, 0, "t"), new CreateEniAction(10, 0, "t")), null, default);

        Assert.Equal(Ec2ErrorCodes.AttachmentLimitExceeded, Assert.Single(result.Failures).AwsErrorCode);
        Assert.Equal(3, node.Datastore.Snapshot().Enis.Count);
        Assert.Equal(3, (await node.AllEnisAsync()).Count);
        Assert.Single(node.Aws.Requests("DeleteNetworkInterface"));
    }

    [Fact]
    public async Task ADeviceIndexTakenBehindTheProvidersBackIsRefusedAndTheNextFreeOneIsUsed()
    {
        await using var node = await SimulatedNode.StartAsync("m5.4xlarge");
        var first = await node.Executor.ExecuteAsync(new CreateEniAction(2, 0, "t"), default);
        Assert.Equal(1, Device(node, first.EniId!));

        // Someone else attaches an ENI at device 2, which the provider believes free.
        var subnet = (await node.DescribeAsync(node.PrimaryEniId))!.SubnetId!;
        var outside = await node.Ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest { SubnetId = subnet }, default);
        await node.Ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(outside.NetworkInterfaceId, node.Aws.InstanceId, 2), default);

        var second = await node.Executor.ExecuteAsync(new CreateEniAction(2, 0, "t"), default);

        Assert.True(second.Succeeded, second.Error?.Message);
        Assert.Equal(3, Device(node, second.EniId!));
        Assert.Equal(2, node.Aws.Requests("DescribeInstances").Count);
        Assert.Contains(node.Aws.Requests("AttachNetworkInterface"), r => r.ErrorCode == Ec2ErrorCodes.InvalidParameterValue);
    }

    private static int Device(SimulatedNode node, string eniId) =>
        node.Datastore.Snapshot().Enis.Single(e => e.Descriptor.Id == eniId).Descriptor.DeviceNumber;

    private static PoolPlan Plan(params PoolAction[] actions) =>
        new() { Actions = actions, Stats = new IpamStats(), Target = new TargetState(false, false, 0, 0) };

    private sealed class Recorder(List<PoolActionOutcome> outcomes) : IProgress<PoolActionOutcome>
    {
        public void Report(PoolActionOutcome value)
        {
            lock (outcomes)
            {
                outcomes.Add(value);
            }
        }
    }
}
