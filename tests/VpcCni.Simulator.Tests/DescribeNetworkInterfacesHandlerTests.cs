using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Support;

namespace VpcCni.Simulator.Tests;

public sealed class DescribeNetworkInterfacesHandlerTests
{
    [Fact]
    public async Task PagingWithMaxResultsVisitsEveryEniOnce()
    {
        await using var sim = await SimHarness.StartAsync();
        for (var i = 0; i < 12; i++)
        {
            await sim.CreateEniAsync();
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { MaxResults = 5, NextToken = token });
            seen.AddRange(page.NetworkInterfaces.Select(n => n.NetworkInterfaceId));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);
        Assert.Equal(3, pages);
        Assert.Equal(13, seen.Distinct().Count());
    }

    [Fact]
    public async Task FiltersAreAndedAcrossNamesAndOredWithinValuesWithWildcards()
    {
        await using var sim = await SimHarness.StartAsync();
        var a = await sim.CreateEniAsync(description: "aws-K8S-i-one");
        await sim.CreateEniAsync(description: "other");
        await sim.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [a.NetworkInterfaceId], Tags = [new Tag("node.k8s.amazonaws.com/instance_id", "i-one")] });
        var byDescription = await sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter("description", ["aws-K8S-*", "nothing"]), new Filter("status", ["available"])],
        });
        Assert.Equal(a.NetworkInterfaceId, byDescription.NetworkInterfaces.Single().NetworkInterfaceId);
        var byTag = await sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter("tag-key", ["node.k8s.amazonaws.com/instance_id"]), new Filter("tag:node.k8s.amazonaws.com/instance_id", ["i-o?e"])],
        });
        Assert.Equal(a.NetworkInterfaceId, byTag.NetworkInterfaces.Single().NetworkInterfaceId);
        var attached = await sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter("attachment.instance-id", [sim.InstanceId])],
        });
        Assert.Single(attached.NetworkInterfaces);
    }

    [Fact]
    public async Task UnknownIdFailsTheWholeCallNamingOneQuotedId()
    {
        await using var sim = await SimHarness.StartAsync();
        var eni = await sim.CreateEniAsync();
        var ex = await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceID.NotFound", 400, () => sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            NetworkInterfaceIds = [eni.NetworkInterfaceId, "eni-0000000000000dead"],
        }));
        Assert.Equal("The networkInterface ID 'eni-0000000000000dead' does not exist", ex.Message);
    }

    [Fact]
    public async Task UnknownIdThroughTheFilterYieldsAnEmptySet()
    {
        await using var sim = await SimHarness.StartAsync();
        var response = await sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("network-interface-id", ["eni-0000000000000dead"])] });
        // AWSSDK v4 leaves an empty list null (AWSConfigs.InitializeCollections is off by default).
        Assert.True(response.NetworkInterfaces is null or { Count: 0 });
    }

    [Fact]
    public async Task InvalidRequestsAnswerTheirEc2Codes()
    {
        await using var sim = await SimHarness.StartAsync();
        var eni = await sim.CreateEniAsync();
        await Expect.Ec2ErrorAsync("InvalidParameterValue", 400, () => sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("colour", ["red"])] }));
        await Expect.Ec2ErrorAsync("InvalidParameterCombination", 400, () => sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [eni.NetworkInterfaceId], MaxResults = 5 }));
        await Expect.Ec2ErrorAsync("InvalidNextToken", 400, () => sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { MaxResults = 5, NextToken = "garbage" }));
    }
}
