using Amazon.EC2.Model;
using VpcCni.Simulator.Ec2;
using VpcCni.Simulator.Tests.Support;

namespace VpcCni.Simulator.Tests;

/// <summary>Malformed ids answer <c>…Malformed</c> (a client must not read them as "already gone"), well-formed unknown ids <c>…NotFound</c>.</summary>
public sealed class Ec2IdsTests
{
    [Theory]
    [InlineData("eni-0123abcd", true)]
    [InlineData("eni-0123456789abcdef0", true)]
    [InlineData("eni-xyz", false)]
    [InlineData("eni-0123ABCD", false)]
    [InlineData("eni-0123abcde", false)]
    [InlineData("eni-", false)]
    [InlineData("i-0123456789abcdef0", false)]
    public void AnIdIsThePrefixAndEightOrSeventeenLowerCaseHexDigits(string id, bool wellFormed) =>
        Assert.Equal(wellFormed, Ec2Ids.IsWellFormed(id, "eni"));

    [Fact]
    public async Task DescribingAMalformedEniIdAnswersMalformedNotNotFound()
    {
        await using var sim = await SimHarness.StartAsync();
        var ex = await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceId.Malformed", 400, () =>
            sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = ["eni-xyz"] }));
        Assert.Contains("\"eni-xyz\"", ex.Message, StringComparison.Ordinal);
        await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceID.NotFound", 400, () =>
            sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = ["eni-0000dead"] }));
    }

    [Fact]
    public async Task EveryActionTakingAnEniIdRejectsAMalformedOne()
    {
        await using var sim = await SimHarness.StartAsync();
        const string bad = "eni-xyz";
        await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceId.Malformed", 400, () => sim.Ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = bad }));
        await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceId.Malformed", 400, () => sim.Ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = bad, InstanceId = sim.InstanceId, DeviceIndex = 1 }));
        await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceId.Malformed", 400, () => sim.Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = bad, SecondaryPrivateIpAddressCount = 1 }));
        await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceId.Malformed", 400, () => sim.Ec2.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest { NetworkInterfaceId = bad, PrivateIpAddresses = ["10.0.0.9"] }));
        await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceId.Malformed", 400, () => sim.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = bad, Description = "x" }));
        await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceId.Malformed", 400, () => sim.Ec2.AssignIpv6AddressesAsync(new AssignIpv6AddressesRequest { NetworkInterfaceId = bad, Ipv6AddressCount = 1 }));
    }

    [Fact]
    public async Task MalformedInstanceSubnetGroupVpcAndAttachmentIdsAnswerTheirMalformedCodes()
    {
        await using var sim = await SimHarness.StartAsync();
        var eni = await sim.CreateEniAsync();
        await Expect.Ec2ErrorAsync("InvalidInstanceID.Malformed", 400, () => sim.Ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId, InstanceId = "i-xyz", DeviceIndex = 1 }));
        await Expect.Ec2ErrorAsync("InvalidInstanceID.Malformed", 400, () => sim.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-xyz"] }));
        await Expect.Ec2ErrorAsync("InvalidSubnetID.Malformed", 400, () => sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = "subnet-zz" }));
        await Expect.Ec2ErrorAsync("InvalidSubnetID.Malformed", 400, () => sim.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = ["subnet-zz"] }));
        await Expect.Ec2ErrorAsync("InvalidGroupId.Malformed", 400, () => sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, Groups = ["sg-zz"] }));
        await Expect.Ec2ErrorAsync("InvalidGroupId.Malformed", 400, () => sim.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Groups = ["sg-zz"] }));
        await Expect.Ec2ErrorAsync("InvalidGroupId.Malformed", 400, () => sim.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = ["sg-zz"] }));
        await Expect.Ec2ErrorAsync("InvalidVpcID.Malformed", 400, () => sim.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-zz"] }));
        await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceAttachmentId.Malformed", 400, () => sim.Ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = "eni-attach-xyz" }));
        await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceAttachmentId.Malformed", 400, () => sim.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest
        {
            NetworkInterfaceId = eni.NetworkInterfaceId,
            Attachment = new NetworkInterfaceAttachmentChanges { AttachmentId = "eni-attach-xyz", DeleteOnTermination = true },
        }));
        await Expect.Ec2ErrorAsync("InvalidID", 400, () => sim.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = ["eni-xyz"], Tags = [new Tag("k", "v")] }));
    }

    [Fact]
    public async Task FilterValuesArePatternsAndAreNotCheckedAsIds()
    {
        await using var sim = await SimHarness.StartAsync();
        var response = await sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("network-interface-id", ["eni-*"])] });
        Assert.Single(response.NetworkInterfaces);
        var none = await sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("network-interface-id", ["eni-xyz"])] });
        Assert.True(none.NetworkInterfaces is null || none.NetworkInterfaces.Count == 0);
    }
}
