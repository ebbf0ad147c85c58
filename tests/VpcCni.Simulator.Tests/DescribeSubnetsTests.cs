using Amazon.EC2.Model;
using VpcCni.Simulator.Scenarios;
using VpcCni.Simulator.Tests.Support;

namespace VpcCni.Simulator.Tests;

/// <summary>
/// DescribeSubnets as subnet discovery uses it (EC2 API Reference, DescribeSubnets): the VPC and zone
/// filters, the <c>kubernetes.io/role/cni</c> tag from the scenario and from CreateTags, and a live
/// <c>availableIpAddressCount</c>.
/// </summary>
public sealed class DescribeSubnetsTests
{
    private const string RoleTag = "kubernetes.io/role/cni";

    [Fact]
    public async Task VpcAndZoneFiltersListTheZonesSubnetsWithTheirScenarioTags()
    {
        await using var sim = await SimHarness.StartAsync(s => s.Subnets.Add(
            new ScenarioSubnet { AvailabilityZone = "us-west-2a", CidrBlock = "10.0.96.0/20", Tags = { [RoleTag] = "1" } }));
        var vpcId = sim.World.Inspect(w => w.Subnets[0].VpcId);

        // The /19 also holds the instance's primary ENI address.

        var subnets = (await sim.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest
        {
            Filters = [new Filter("vpc-id", [vpcId]), new Filter("availability-zone", ["us-west-2a"])],
        })).Subnets;

        Assert.Equal(["10.0.0.0/19", "10.0.96.0/20"], subnets.Select(s => s.CidrBlock).Order(StringComparer.Ordinal));
        var tagged = subnets.Single(s => s.CidrBlock == "10.0.96.0/20");
        Assert.Equal("1", tagged.Tags.Single(t => t.Key == RoleTag).Value);
        Assert.Equal((4096 - 5, 8192 - 5 - 1), (tagged.AvailableIpAddressCount, subnets.Single(s => s.CidrBlock == "10.0.0.0/19").AvailableIpAddressCount));
    }

    [Fact]
    public async Task ATagFilterSelectsBySubnetTagsSetWithCreateTagsAndTheCountFollowsAssignments()
    {
        await using var sim = await SimHarness.StartAsync();
        await sim.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [sim.SubnetA], Tags = [new Tag(RoleTag, "0")] });
        await sim.CreateEniAsync(secondaries: 4);

        var excluded = (await sim.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("tag:" + RoleTag, ["0"])] })).Subnets;
        var included = (await sim.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("tag:" + RoleTag, ["1"])] })).Subnets;

        var subnet = Assert.Single(excluded);
        Assert.Equal(sim.SubnetA, subnet.SubnetId);
        Assert.Equal(8192 - 5 - 1 - 5, subnet.AvailableIpAddressCount);
        Assert.Empty(included ?? []);
    }
}
