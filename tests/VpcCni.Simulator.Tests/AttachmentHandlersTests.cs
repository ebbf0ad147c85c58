using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Tests;

public sealed class AttachmentHandlersTests
{
    [Fact]
    public async Task AttachGoesThroughAttachingToAttachedAfterTheDelay()
    {
        var time = SimHarness.FakeTime();
        await using var sim = await SimHarness.StartAsync(s => s.Delays = new ScenarioDelays { AttachMs = 1000, DetachMs = 2000 }, time);
        var eni = await sim.CreateEniAsync();
        var attachmentId = await sim.AttachAsync(eni.NetworkInterfaceId, 1);
        var attaching = await sim.DescribeEniAsync(eni.NetworkInterfaceId);
        Assert.Equal("attaching", attaching.Status.Value);
        Assert.Equal("attaching", attaching.Attachment.Status.Value);
        Assert.False(attaching.Attachment.DeleteOnTermination);
        time.Advance(TimeSpan.FromMilliseconds(1000));
        var attached = await sim.DescribeEniAsync(eni.NetworkInterfaceId);
        Assert.Equal("in-use", attached.Status.Value);
        Assert.Equal("attached", attached.Attachment.Status.Value);
        Assert.Equal(attachmentId, attached.Attachment.AttachmentId);

        await sim.Ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = attachmentId });
        Assert.Equal("detaching", (await sim.DescribeEniAsync(eni.NetworkInterfaceId)).Status.Value);
        await Expect.Ec2ErrorAsync("InvalidParameterValue", 400, () => sim.Ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId }));
        time.Advance(TimeSpan.FromMilliseconds(2000));
        var available = await sim.DescribeEniAsync(eni.NetworkInterfaceId);
        Assert.Equal("available", available.Status.Value);
        Assert.Null(available.Attachment);
        await sim.Ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId });
    }

    [Fact]
    public async Task AFourthEniOnAnM5LargeExceedsTheAttachmentLimit()
    {
        await using var sim = await SimHarness.StartAsync();
        await sim.AttachAsync((await sim.CreateEniAsync()).NetworkInterfaceId, 1);
        await sim.AttachAsync((await sim.CreateEniAsync()).NetworkInterfaceId, 2);
        var fourth = await sim.CreateEniAsync();
        var ex = await Expect.Ec2ErrorAsync("AttachmentLimitExceeded", 400, () => sim.AttachAsync(fourth.NetworkInterfaceId, 3));
        Assert.Equal("Interface count 4 exceeds the limit for m5.large", ex.Message);
    }

    [Fact]
    public async Task AttachRefusesAnOccupiedSlotAnEniInUseAndAnotherAz()
    {
        await using var sim = await SimHarness.StartAsync();
        var eni = await sim.CreateEniAsync();
        await Expect.Ec2ErrorAsync("InvalidParameterValue", 400, () => sim.AttachAsync(eni.NetworkInterfaceId, 0));
        await sim.AttachAsync(eni.NetworkInterfaceId, 1);
        var ex = await Expect.Ec2ErrorAsync("InvalidNetworkInterface.InUse", 400, () => sim.AttachAsync(eni.NetworkInterfaceId, 2));
        Assert.Equal($"Interface: [{eni.NetworkInterfaceId}] in use.", ex.Message);
        var subnetB = sim.World.Inspect(w => w.Subnets[1].Id);
        var other = await sim.CreateEniAsync(subnetId: subnetB);
        await Expect.Ec2ErrorAsync("InvalidParameterValue", 400, () => sim.AttachAsync(other.NetworkInterfaceId, 2));
        await Expect.Ec2ErrorAsync("InvalidInstanceID.NotFound", 400, () => sim.Ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = other.NetworkInterfaceId, InstanceId = "i-00000000000000000", DeviceIndex = 1 }));
        await Expect.Ec2ErrorAsync("InvalidParameterValue", 400, () => sim.Ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = other.NetworkInterfaceId, InstanceId = sim.InstanceId, DeviceIndex = 2, NetworkCardIndex = 1 }));
    }

    [Fact]
    public async Task DetachRefusesThePrimaryAndUnknownAttachments()
    {
        await using var sim = await SimHarness.StartAsync();
        var primary = await sim.DescribeEniAsync(sim.World.Inspect(w => w.Instances[w.DefaultInstanceId].PrimaryNetworkInterfaceId));
        await Expect.Ec2ErrorAsync("OperationNotPermitted", 400, () => sim.Ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = primary.Attachment.AttachmentId }));
        await Expect.Ec2ErrorAsync("InvalidAttachmentID.NotFound", 400, () => sim.Ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = "eni-attach-00000000000000000" }));
        await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceAttachmentId.Malformed", 400, () => sim.Ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = primary.NetworkInterfaceId }));
    }

    [Fact]
    public async Task DescribeInstancesListsAttachedEnisByDeviceIndex()
    {
        await using var sim = await SimHarness.StartAsync();
        var eni = await sim.CreateEniAsync();
        await sim.AttachAsync(eni.NetworkInterfaceId, 2);
        var instance = (await sim.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [sim.InstanceId] })).Reservations[0].Instances[0];
        Assert.Equal([0, 2], instance.NetworkInterfaces.Select(n => n.Attachment.DeviceIndex!.Value));
    }
}
