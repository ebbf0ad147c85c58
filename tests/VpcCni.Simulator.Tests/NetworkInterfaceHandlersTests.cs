using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Tests;

public sealed class NetworkInterfaceHandlersTests
{
    [Fact]
    public async Task DeleteReturnsAddressesToTheSubnetAndThenTheIdIsNotFound()
    {
        await using var sim = await SimHarness.StartAsync();
        var before = sim.World.Inspect(w => w.Subnets[0].AvailableIpAddressCount);
        var eni = await sim.CreateEniAsync(secondaries: 5);
        await sim.Ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId });
        Assert.Equal(before, sim.World.Inspect(w => w.Subnets[0].AvailableIpAddressCount));
        await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceID.NotFound", 400, () => sim.Ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId }));
    }

    [Fact]
    public async Task DeleteOfAnAttachedEniIsInUse()
    {
        await using var sim = await SimHarness.StartAsync();
        var eni = await sim.CreateEniAsync();
        await sim.AttachAsync(eni.NetworkInterfaceId, 1);
        var ex = await Expect.Ec2ErrorAsync("InvalidParameterValue", 400, () => sim.Ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId }));
        Assert.Equal($"Network interface '{eni.NetworkInterfaceId}' is currently in use.", ex.Message);
    }

    [Fact]
    public async Task ModifySetsDeleteOnTerminationGroupsAndDescriptionOneAtATime()
    {
        await using var sim = await SimHarness.StartAsync(s => s.SecurityGroups.Add(new ScenarioSecurityGroup { Name = "pods" }));
        var eni = await sim.CreateEniAsync();
        var attachmentId = await sim.AttachAsync(eni.NetworkInterfaceId, 1);
        await sim.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest
        {
            NetworkInterfaceId = eni.NetworkInterfaceId,
            Attachment = new NetworkInterfaceAttachmentChanges { AttachmentId = attachmentId, DeleteOnTermination = true },
        });
        var pods = sim.World.Inspect(w => w.SecurityGroups[1].Id);
        await sim.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Groups = [pods] });
        await sim.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Description = "renamed" });
        var after = await sim.DescribeEniAsync(eni.NetworkInterfaceId);
        Assert.True(after.Attachment.DeleteOnTermination);
        Assert.Equal("pods", after.Groups.Single().GroupName);
        Assert.Equal("renamed", after.Description);
        await Expect.Ec2ErrorAsync("InvalidAttachmentID.NotFound", 400, () => sim.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest
        {
            NetworkInterfaceId = eni.NetworkInterfaceId,
            Attachment = new NetworkInterfaceAttachmentChanges { AttachmentId = "eni-attach-00000000000000000", DeleteOnTermination = true },
        }));
        await Expect.Ec2ErrorAsync("InvalidParameterCombination", 400, () => sim.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Description = "x", SourceDestCheck = false }));
        await Expect.Ec2ErrorAsync("InvalidGroup.NotFound", 400, () => sim.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Groups = ["sg-00000000000000000"] }));
        await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceID.NotFound", 400, () => sim.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = "eni-00000000000000000", Description = "x" }));
    }
}
