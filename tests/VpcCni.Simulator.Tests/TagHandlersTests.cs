using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Support;

namespace VpcCni.Simulator.Tests;

public sealed class TagHandlersTests
{
    [Fact]
    public async Task CreateDescribeAndDeleteTagsOnEnisAndInstances()
    {
        await using var sim = await SimHarness.StartAsync();
        var eni = await sim.CreateEniAsync();
        await sim.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [eni.NetworkInterfaceId, sim.InstanceId], Tags = [new Tag("team", "net"), new Tag("empty", null)] });
        var tags = await sim.Ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [sim.InstanceId]), new Filter("key", ["team"])] });
        var tag = tags.Tags.Single();
        Assert.Equal("instance", tag.ResourceType.Value);
        Assert.Equal("net", tag.Value);
        await sim.Ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [eni.NetworkInterfaceId], Tags = [new Tag { Key = "team" }] });
        var left = (await sim.DescribeEniAsync(eni.NetworkInterfaceId)).TagSet;
        Assert.Equal("empty", left.Single().Key);
        Assert.Equal(string.Empty, left.Single().Value);
    }

    [Fact]
    public async Task TaggingUnknownOrMalformedIdsFails()
    {
        await using var sim = await SimHarness.StartAsync();
        await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceID.NotFound", 400, () => sim.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = ["eni-00000000000000000"], Tags = [new Tag("a", "b")] }));
        await Expect.Ec2ErrorAsync("InvalidID", 400, () => sim.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = ["bogus-1"], Tags = [new Tag("a", "b")] }));
        var eni = await sim.CreateEniAsync();
        var many = Enumerable.Range(0, 51).Select(i => new Tag($"k{i}", "v")).ToList();
        await Expect.Ec2ErrorAsync("TagLimitExceeded", 400, () => sim.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [eni.NetworkInterfaceId], Tags = many }));
    }
}
