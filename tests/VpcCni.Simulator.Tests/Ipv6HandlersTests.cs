using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Tests;

public sealed class Ipv6HandlersTests
{
    [Fact]
    public async Task AssignIpv6HandsOutAddressesAndEightyBitPrefixesFromTheSubnet()
    {
        await using var sim = await SimHarness.StartAsync();
        var eni = await sim.CreateEniAsync();
        var addresses = await sim.Ec2.AssignIpv6AddressesAsync(new AssignIpv6AddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Ipv6AddressCount = 2 });
        Assert.Equal(2, addresses.AssignedIpv6Addresses.Count);
        Assert.All(addresses.AssignedIpv6Addresses, a => Assert.StartsWith("2600:1f14:abc:5600:", a, StringComparison.Ordinal));
        var prefix = await sim.Ec2.AssignIpv6AddressesAsync(new AssignIpv6AddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Ipv6PrefixCount = 1 });
        Assert.EndsWith("/80", prefix.AssignedIpv6Prefixes.Single(), StringComparison.Ordinal);
        var unassigned = await sim.Ec2.UnassignIpv6AddressesAsync(new UnassignIpv6AddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Ipv6Prefixes = [prefix.AssignedIpv6Prefixes[0]] });
        Assert.Equal(prefix.AssignedIpv6Prefixes, unassigned.UnassignedIpv6Prefixes);
        Assert.Equal(2, (await sim.DescribeEniAsync(eni.NetworkInterfaceId)).Ipv6Addresses.Count);
    }

    [Fact]
    public async Task SubnetWithoutIpv6AnswersInvalidParameterValue()
    {
        await using var sim = await SimHarness.StartAsync(s => s.Subnets.Add(new ScenarioSubnet { AvailabilityZone = "us-west-2a", CidrBlock = "10.0.200.0/24" }));
        var eni = await sim.CreateEniAsync(subnetId: sim.World.Inspect(w => w.Subnets[^1].Id));
        await Expect.Ec2ErrorAsync("InvalidParameterValue", 400, () => sim.Ec2.AssignIpv6AddressesAsync(new AssignIpv6AddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Ipv6PrefixCount = 1 }));
    }
}
