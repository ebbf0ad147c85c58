using System.Net;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Tests.Aws.Support;

namespace VpcCni.Engine.Tests.Aws;

/// <summary>The IMDSv2 client against the simulator's IMDS, including its lag behind EC2 (docs/simulator.md, "imds").</summary>
public sealed partial class ImdsInstanceMetadataTests
{
    [Fact]
    public async Task SimulatedInstanceReadsBackThroughImds()
    {
        await using var aws = await SimulatedAws.StartAsync();
        var imds = aws.Imds();
        var primaryEniId = aws.Sim.World.Inspect(w => w.Instances[aws.InstanceId].PrimaryNetworkInterfaceId);

        Assert.Equal(aws.InstanceId, await imds.GetInstanceIdAsync(default));
        Assert.Equal("m5.large", await imds.GetInstanceTypeAsync(default));
        Assert.Equal("us-west-2a", await imds.GetAvailabilityZoneAsync(default));
        Assert.Equal("us-west-2", await imds.GetRegionAsync(default));
        var mac = await imds.GetPrimaryMacAsync(default);
        Assert.Equal([mac!], await imds.GetMacsAsync(default));
        Assert.Equal(primaryEniId, await imds.GetInterfaceIdAsync(mac!, default));
        Assert.Equal([IPNetwork.Parse("10.0.0.0/16")], await imds.GetVpcIpv4CidrBlocksAsync(mac!, default));
        Assert.Equal([aws.DefaultSecurityGroup], await imds.GetSecurityGroupIdsAsync(mac!, default));
        var primary = Assert.Single(await imds.GetAttachedNetworkInterfacesAsync(default));
        Assert.True(primary.IsPrimary);
        Assert.Equal(IPNetwork.Parse("10.0.0.0/19"), primary.SubnetIpv4Cidr);
        Assert.Equal(await imds.GetLocalIpv4Async(default), primary.Ipv4Addresses[0]);
    }

    [Fact]
    public async Task AttachedEniAppearsInImdsOnlyAfterTheAttachLag()
    {
        await using var aws = await SimulatedAws.StartAsync(s => s.Imds.AttachLagMs = 800);
        var ec2 = aws.Ec2();
        var imds = aws.Imds();
        var eni = await ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest { SubnetId = aws.SubnetIn("us-west-2a"), SecondaryPrivateIpAddressCount = 2 }, default);

        await ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(eni.NetworkInterfaceId, aws.InstanceId, 1), default);
        Assert.DoesNotContain(eni.MacAddress, await imds.GetMacsAsync(default));

        var enis = await SimulatedAws.EventuallyAsync(() => imds.GetAttachedNetworkInterfacesAsync(default), l => l.Count == 2);
        var attached = Assert.Single(enis, e => !e.IsPrimary);
        Assert.Equal(eni.NetworkInterfaceId, attached.NetworkInterfaceId);
        Assert.Equal(eni.MacAddress, attached.MacAddress);
        Assert.Equal(1, attached.DeviceNumber);
        Assert.Equal(eni.PrivateIpAddresses.Select(p => p.Address.ToString()).Order(), attached.Ipv4Addresses.Select(a => a.ToString()).Order());
        Assert.Equal(eni.PrimaryIpAddress, attached.Ipv4Addresses[0]);
    }

    [Fact]
    public async Task AssignedAddressesAndPrefixesReachImdsAfterTheIpLag()
    {
        await using var aws = await SimulatedAws.StartAsync(s => s.Imds.IpLagMs = 600);
        var ec2 = aws.Ec2();
        var imds = aws.Imds();
        var eni = await ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest { SubnetId = aws.SubnetIn("us-west-2a") }, default);
        await ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(eni.NetworkInterfaceId, aws.InstanceId, 1), default);
        var mac = eni.MacAddress!;
        await SimulatedAws.EventuallyAsync(() => imds.GetLocalIpv4sAsync(mac, default), l => l.Count == 1);

        var added = await ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Addresses(eni.NetworkInterfaceId, 2), default);
        Assert.Single(await imds.GetLocalIpv4sAsync(mac, default));
        var addresses = await SimulatedAws.EventuallyAsync(() => imds.GetLocalIpv4sAsync(mac, default), l => l.Count == 3);
        Assert.Equal(added.Addresses.Select(a => a.ToString()).Order(), addresses.Skip(1).Select(a => a.ToString()).Order());

        var prefix = Assert.Single((await ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Prefixes(eni.NetworkInterfaceId, 1), default)).Prefixes);
        Assert.Equal([prefix], await SimulatedAws.EventuallyAsync(() => imds.GetIpv4PrefixesAsync(mac, default), l => l.Count == 1));
    }

    [Fact]
    public async Task DetachedEniLeavesImds()
    {
        await using var aws = await SimulatedAws.StartAsync();
        var ec2 = aws.Ec2();
        var imds = aws.Imds();
        var eni = await ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest { SubnetId = aws.SubnetIn("us-west-2a") }, default);
        var attachment = await ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(eni.NetworkInterfaceId, aws.InstanceId, 1), default);
        await SimulatedAws.EventuallyAsync(() => imds.GetMacsAsync(default), m => m.Count == 2);

        await ec2.DetachNetworkInterfaceAsync(attachment.AttachmentId, force: false, default);

        var macs = await SimulatedAws.EventuallyAsync(() => imds.GetMacsAsync(default), m => m.Count == 1);
        Assert.DoesNotContain(eni.MacAddress, macs);
        Assert.Null(await imds.GetInterfaceIdAsync(eni.MacAddress!, default));
    }
}
