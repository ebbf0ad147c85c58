using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Aws.LeakedEnis;
using VpcCni.Engine.Tests.Aws.Support;

namespace VpcCni.Engine.Tests.Aws.LeakedEnis;

/// <summary>The finder against the simulator's EC2, with ENIs made as the node's ENI provider makes them.</summary>
public sealed class LeakedEniFinderTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task FindsOldEnisAndThoseOfGoneInstancesButNotYoungOnesOfLiveInstancesNorAttachedOnes()
    {
        await using var aws = await SimulatedAws.StartAsync();
        var ec2 = aws.Ec2();
        var instance = (await ec2.DescribeInstancesAsync(Ec2DescribeQuery.ForIds(aws.InstanceId), CancellationToken.None)).Single();
        var old = await CreateAsync(ec2, instance, instance.InstanceId, TimeSpan.FromMinutes(10), "prod");
        var young = await CreateAsync(ec2, instance, instance.InstanceId, TimeSpan.FromMinutes(1), "prod");
        var orphan = await CreateAsync(ec2, instance, "i-0123456789abcdef0", TimeSpan.FromMinutes(1), "prod");
        var otherCluster = await CreateAsync(ec2, instance, "i-0123456789abcdef0", TimeSpan.FromMinutes(10), "test");
        var attached = await CreateAsync(ec2, instance, instance.InstanceId, TimeSpan.FromMinutes(10), "prod");
        await ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(attached, instance.InstanceId, 1), CancellationToken.None);

        var found = await new LeakedEniFinder(ec2, new FakeTimeProvider(Now), "us-west-2")
            .FindAsync(new LeakedEniCriteria { ClusterName = "prod" }, CancellationToken.None);

        Assert.Equal(new[] { old, orphan }.Order(), found.Select(f => f.NetworkInterfaceId).Order());
        var gone = found.Single(f => f.NetworkInterfaceId == orphan);
        Assert.Equal((LeakedEniReason.InstanceGone, LeakedEniFinder.MissingInstanceState, "us-west-2"), (gone.Reason, gone.InstanceState, gone.Region));
        var aged = found.Single(f => f.NetworkInterfaceId == old);
        Assert.Equal((LeakedEniReason.OlderThanGracePeriod, "running", "prod"), (aged.Reason, aged.InstanceState, aged.ClusterName));
        Assert.DoesNotContain(found, f => f.NetworkInterfaceId == young || f.NetworkInterfaceId == otherCluster);
    }

    [Fact]
    public async Task RemoveDeletesALeakedEniAndReportsOneAlreadyGoneOrAttachedWithoutDeletingIt()
    {
        await using var aws = await SimulatedAws.StartAsync();
        var ec2 = aws.Ec2();
        var instance = (await ec2.DescribeInstancesAsync(Ec2DescribeQuery.ForIds(aws.InstanceId), CancellationToken.None)).Single();
        var leaked = await CreateAsync(ec2, instance, "i-0123456789abcdef0", TimeSpan.FromMinutes(10), null);
        var attached = await CreateAsync(ec2, instance, instance.InstanceId, TimeSpan.FromMinutes(10), null);
        await ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(attached, instance.InstanceId, 1), CancellationToken.None);
        var finder = new LeakedEniFinder(ec2, new FakeTimeProvider(Now));

        Assert.Equal(LeakedEniRemovalStatus.Deleted, (await finder.RemoveAsync(leaked, CancellationToken.None)).Status);
        Assert.Equal(LeakedEniRemovalStatus.AlreadyGone, (await finder.RemoveAsync(leaked, CancellationToken.None)).Status);
        Assert.Equal(LeakedEniRemovalStatus.Skipped, (await finder.RemoveAsync(attached, CancellationToken.None)).Status);
        Assert.True(aws.Sim.World.Inspect(w => w.NetworkInterfaces.ContainsKey(attached)));
        Assert.False(aws.Sim.World.Inspect(w => w.NetworkInterfaces.ContainsKey(leaked)));
    }

    private static async Task<string> CreateAsync(SdkEc2Api ec2, Ec2Instance instance, string owner, TimeSpan age, string? cluster)
    {
        var tags = new Dictionary<string, string>
        {
            [LeakedEniRule.InstanceIdTag] = owner,
            [LeakedEniRule.CreatedAtTag] = (Now - age).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        if (cluster is not null)
        {
            tags[LeakedEniRule.ClusterNameTag] = cluster;
        }

        var created = await ec2.CreateNetworkInterfaceAsync(
            new Ec2CreateNetworkInterfaceRequest { SubnetId = instance.SubnetId!, Description = LeakedEniRule.DescriptionPrefix + owner, Tags = tags },
            CancellationToken.None);
        return created.NetworkInterfaceId;
    }
}
