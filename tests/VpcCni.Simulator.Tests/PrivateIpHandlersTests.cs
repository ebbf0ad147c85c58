using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Tests;

public sealed class PrivateIpHandlersTests
{
    [Fact]
    public async Task AssignAnswersOnlyTheNewlyAssignedAddresses()
    {
        await using var sim = await SimHarness.StartAsync();
        var eni = await sim.CreateEniAsync(secondaries: 2);
        var response = await sim.Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, SecondaryPrivateIpAddressCount = 3 });
        Assert.Equal(eni.NetworkInterfaceId, response.NetworkInterfaceId);
        Assert.Equal(3, response.AssignedPrivateIpAddresses.Count);
        Assert.DoesNotContain(response.AssignedPrivateIpAddresses, a => eni.PrivateIpAddresses.Any(p => p.PrivateIpAddress == a.PrivateIpAddress));
        Assert.Equal(6, (await sim.DescribeEniAsync(eni.NetworkInterfaceId)).PrivateIpAddresses.Count);
    }

    [Fact]
    public async Task AttachedEniIsLimitedByItsInstanceTypeAllOrNothing()
    {
        await using var sim = await SimHarness.StartAsync();
        var eni = await sim.CreateEniAsync();
        await sim.AttachAsync(eni.NetworkInterfaceId, 1);
        await sim.Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, SecondaryPrivateIpAddressCount = 7 });
        var ex = await Expect.Ec2ErrorAsync("PrivateIpAddressLimitExceeded", 400, () => sim.Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, SecondaryPrivateIpAddressCount = 3 }));
        Assert.Equal("Number of private addresses will exceed limit.", ex.Message);
        Assert.Equal(8, (await sim.DescribeEniAsync(eni.NetworkInterfaceId)).PrivateIpAddresses.Count);
        await sim.Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Ipv4PrefixCount = 2 });
        var full = await sim.DescribeEniAsync(eni.NetworkInterfaceId);
        Assert.Equal(10, full.PrivateIpAddresses.Count + full.Ipv4Prefixes.Count);
    }

    [Fact]
    public async Task UnassignReturnsAddressesAndPrefixesToTheSubnet()
    {
        await using var sim = await SimHarness.StartAsync();
        var eni = await sim.CreateEniAsync();
        var before = sim.World.Inspect(w => w.Subnets[0].AvailableIpAddressCount);
        var ips = await sim.Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, SecondaryPrivateIpAddressCount = 2 });
        var prefixes = await sim.Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Ipv4PrefixCount = 1 });
        Assert.Equal(before - 2 - 16, sim.World.Inspect(w => w.Subnets[0].AvailableIpAddressCount));
        await sim.Ec2.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest
        {
            NetworkInterfaceId = eni.NetworkInterfaceId,
            PrivateIpAddresses = [.. ips.AssignedPrivateIpAddresses.Select(a => a.PrivateIpAddress)],
        });
        await sim.Ec2.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Ipv4Prefixes = [prefixes.AssignedIpv4Prefixes[0].Ipv4Prefix] });
        Assert.Equal(before, sim.World.Inspect(w => w.Subnets[0].AvailableIpAddressCount));
        await Expect.Ec2ErrorAsync("InvalidParameterValue", 400, () => sim.Ec2.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, PrivateIpAddresses = [eni.PrivateIpAddress] }));
        await Expect.Ec2ErrorAsync("InvalidParameterValue", 400, () => sim.Ec2.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, PrivateIpAddresses = ["10.0.9.9"] }));
    }

    [Fact]
    public async Task FragmentedSubnetAnswersInsufficientCidrBlocksThoughAddressesRemain()
    {
        // 10.0.200.0/26: 64 addresses, four /28 blocks; the first and last hold reserved addresses.
        await using var sim = await SimHarness.StartAsync(s => s.Subnets.Add(new ScenarioSubnet { AvailabilityZone = "us-west-2a", CidrBlock = "10.0.200.0/26" }));
        var subnet = sim.World.Inspect(w => w.Subnets[^1].Id);
        Assert.Equal(2, sim.World.Inspect(w => w.Subnets[^1].FreePrefixBlocks));
        var eni = (await sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = subnet,
            PrivateIpAddresses = [new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.200.20", Primary = true }, new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.200.40", Primary = false }],
        })).NetworkInterface;
        Assert.Equal(0, sim.World.Inspect(w => w.Subnets[^1].FreePrefixBlocks));
        Assert.True(sim.World.Inspect(w => w.Subnets[^1].AvailableIpAddressCount) > 16);
        await Expect.Ec2ErrorAsync("InsufficientCidrBlocks", 400, () => sim.Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Ipv4PrefixCount = 1 }));
        await sim.Ec2.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, PrivateIpAddresses = ["10.0.200.40"] });
        var assigned = await sim.Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Ipv4PrefixCount = 1 });
        Assert.Equal("10.0.200.32/28", assigned.AssignedIpv4Prefixes.Single().Ipv4Prefix);
    }

    [Fact]
    public async Task ExplicitAddressInUseNeedsAllowReassignment()
    {
        await using var sim = await SimHarness.StartAsync();
        var a = await sim.CreateEniAsync();
        var b = await sim.CreateEniAsync();
        await sim.Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = a.NetworkInterfaceId, PrivateIpAddresses = ["10.0.5.5"] });
        await Expect.Ec2ErrorAsync("Resource.AlreadyAssigned", 400, () => sim.Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = b.NetworkInterfaceId, PrivateIpAddresses = ["10.0.5.5"] }));
        await sim.Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = b.NetworkInterfaceId, PrivateIpAddresses = ["10.0.5.5"], AllowReassignment = true });
        Assert.DoesNotContain((await sim.DescribeEniAsync(a.NetworkInterfaceId)).PrivateIpAddresses, p => p.PrivateIpAddress == "10.0.5.5");
        Assert.Contains((await sim.DescribeEniAsync(b.NetworkInterfaceId)).PrivateIpAddresses, p => p.PrivateIpAddress == "10.0.5.5");
    }
}
