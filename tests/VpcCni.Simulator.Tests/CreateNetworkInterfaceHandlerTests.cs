using Amazon.EC2;
using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Tests;

public sealed class CreateNetworkInterfaceHandlerTests
{
    [Fact]
    public async Task CreateTakesPrimaryAndSecondariesFromTheSubnetWithGroupsTagsAndType()
    {
        await using var sim = await SimHarness.StartAsync();
        var group = sim.World.Inspect(w => w.SecurityGroups[0].Id);
        var response = await sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = sim.SubnetA,
            SecondaryPrivateIpAddressCount = 3,
            Groups = [group],
            Description = "aws-K8S-i-abc",
            InterfaceType = NetworkInterfaceCreationType.Trunk,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.NetworkInterface, Tags = [new Tag("cluster.k8s.amazonaws.com/name", "demo")] }],
        });
        var eni = response.NetworkInterface;
        Assert.StartsWith("eni-", eni.NetworkInterfaceId, StringComparison.Ordinal);
        Assert.Equal(21, eni.NetworkInterfaceId.Length);
        Assert.Equal("available", eni.Status.Value);
        Assert.Equal("trunk", eni.InterfaceType.Value);
        Assert.Equal(4, eni.PrivateIpAddresses.Count);
        Assert.True(eni.PrivateIpAddresses[0].Primary);
        Assert.Equal(group, eni.Groups.Single().GroupId);
        Assert.Equal("demo", eni.TagSet.Single().Value);
        Assert.Matches("^02(:[0-9a-f]{2}){5}$", eni.MacAddress);
        Assert.Null(eni.Attachment);
    }

    [Fact]
    public async Task ExplicitAddressesAndPrefixCountAreHonoured()
    {
        await using var sim = await SimHarness.StartAsync();
        var explicitEni = (await sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = sim.SubnetA,
            PrivateIpAddresses = [new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.1.10", Primary = true }, new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.1.11", Primary = false }],
        })).NetworkInterface;
        Assert.Equal("10.0.1.10", explicitEni.PrivateIpAddress);
        Assert.Equal(["10.0.1.10", "10.0.1.11"], explicitEni.PrivateIpAddresses.Select(p => p.PrivateIpAddress));
        var prefixed = (await sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, Ipv4PrefixCount = 2 })).NetworkInterface;
        Assert.Equal(2, prefixed.Ipv4Prefixes.Count);
        Assert.All(prefixed.Ipv4Prefixes, p => Assert.EndsWith("/28", p.Ipv4Prefix, StringComparison.Ordinal));
        await Expect.Ec2ErrorAsync("InvalidIPAddress.InUse", 400, () => sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, PrivateIpAddress = "10.0.1.10" }));
    }

    [Fact]
    public async Task SameClientTokenReturnsTheSameEniAndDifferentParametersMismatch()
    {
        await using var sim = await SimHarness.StartAsync();
        var request = new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, SecondaryPrivateIpAddressCount = 2, ClientToken = "token-1" };
        var first = await sim.Ec2.CreateNetworkInterfaceAsync(request);
        var second = await sim.Ec2.CreateNetworkInterfaceAsync(request);
        Assert.Equal(first.NetworkInterface.NetworkInterfaceId, second.NetworkInterface.NetworkInterfaceId);
        Assert.Equal("token-1", second.ClientToken);
        Assert.Equal(2, sim.World.Inspect(w => w.NetworkInterfaces.Count));
        await Expect.Ec2ErrorAsync("IdempotentParameterMismatch", 400, () => sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, SecondaryPrivateIpAddressCount = 3, ClientToken = "token-1" }));
    }

    [Fact]
    public async Task AnAddressAlreadyInUseAnswersInvalidIPAddressInUse()
    {
        await using var sim = await SimHarness.StartAsync();
        var first = await sim.CreateEniAsync(secondaries: 1);
        var primary = first.PrivateIpAddress;
        var secondary = first.PrivateIpAddresses.Single(p => p.Primary != true).PrivateIpAddress;
        var ex = await Expect.Ec2ErrorAsync("InvalidIPAddress.InUse", 400, () =>
            sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, PrivateIpAddress = primary }));
        Assert.Contains(primary, ex.Message, StringComparison.Ordinal);
        await Expect.Ec2ErrorAsync("InvalidIPAddress.InUse", 400, () => sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = sim.SubnetA,
            PrivateIpAddresses = [new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.0.200", Primary = true }, new PrivateIpAddressSpecification { PrivateIpAddress = secondary }],
        }));

        // A reserved address is not "in use" by anyone: it is not valid for an interface at all.
        await Expect.Ec2ErrorAsync("InvalidParameterValue", 400, () =>
            sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, PrivateIpAddress = "10.0.0.1" }));
        Assert.Equal(2, sim.World.Inspect(w => w.NetworkInterfaces.Count));
    }

    [Fact]
    public async Task InvalidCreatesAnswerTheirCodes()
    {
        await using var sim = await SimHarness.StartAsync();
        await Expect.Ec2ErrorAsync("InvalidSubnetID.NotFound", 400, () => sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = "subnet-00000000000000000" }));
        await Expect.Ec2ErrorAsync("InvalidGroup.NotFound", 400, () => sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, Groups = ["sg-00000000000000000"] }));
        await Expect.Ec2ErrorAsync("InvalidParameterCombination", 400, () => sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, SecondaryPrivateIpAddressCount = 1, Ipv4PrefixCount = 1 }));
        await Expect.Ec2ErrorAsync("PrivateIpAddressLimitExceeded", 400, () => sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, SecondaryPrivateIpAddressCount = 50 }));
        await Expect.Ec2ErrorAsync("InvalidParameterValue", 400, () => sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = sim.SubnetA,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.NetworkInterface, Tags = [new Tag("aws:reserved", "x")] }],
        }));
        Assert.Single(sim.World.Inspect(w => w.NetworkInterfaces.Keys.ToList()));
    }

    [Fact]
    public async Task ASmallSubnetRunsOutWithInsufficientFreeAddresses()
    {
        await using var sim = await SimHarness.StartAsync(s => s.Subnets.Add(new ScenarioSubnet { AvailabilityZone = "us-west-2a", CidrBlock = "10.0.200.0/28" }));
        var tiny = sim.World.Inspect(w => w.Subnets[^1].Id);
        await sim.CreateEniAsync(secondaries: 9, subnetId: tiny);
        await Expect.Ec2ErrorAsync("InsufficientFreeAddressesInSubnet", 400, () => sim.CreateEniAsync(secondaries: 1, subnetId: tiny));
        Assert.Equal(1, sim.World.Inspect(w => w.Subnets[^1].AvailableIpAddressCount));
    }
}
