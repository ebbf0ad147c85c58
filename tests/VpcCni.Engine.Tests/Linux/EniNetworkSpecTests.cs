using System.Net;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Tests.Linux;

public sealed class EniNetworkSpecTests
{
    [Fact]
    public void EniGatewayIsSubnetBasePlusOne()
    {
        var eni = new EniNetworkSpec(System.Net.NetworkInformation.PhysicalAddress.None, IPAddress.Parse("10.0.1.10"), IPNetwork.Parse("10.0.1.0/24"), 1);

        Assert.Equal((IPAddress.Parse("10.0.1.1"), 2), (eni.Gateway, eni.RouteTable));
        Assert.Equal(IPAddress.Parse("fe80:ec2::1"), (eni with { Subnet = IPNetwork.Parse("2600:1f14::/64") }).Gateway);
    }
}
