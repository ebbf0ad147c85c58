using VpcCni.Engine.Aws;
using VpcCni.Engine.Aws.LeakedEnis;

namespace VpcCni.Engine.Tests.Aws.LeakedEnis;

public sealed class LeakedEniRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnAvailableCniEniOlderThanTheGracePeriodIsLeaked() =>
        Assert.Equal(LeakedEniReason.OlderThanGracePeriod, LeakedEniRule.Judge(Eni(age: TimeSpan.FromMinutes(6)), new LeakedEniCriteria(), Now, ownerGone: false));

    [Fact]
    public void AYoungEniOfALiveInstanceIsNotLeaked() =>
        Assert.Null(LeakedEniRule.Judge(Eni(age: TimeSpan.FromMinutes(1)), new LeakedEniCriteria(), Now, ownerGone: false));

    [Fact]
    public void AYoungEniOfAGoneInstanceIsLeakedAtOnce() =>
        Assert.Equal(LeakedEniReason.InstanceGone, LeakedEniRule.Judge(Eni(age: TimeSpan.FromMinutes(1)), new LeakedEniCriteria(), Now, ownerGone: true));

    [Fact]
    public void AnEniWithoutACreationTimeCountsAsOld() =>
        Assert.Equal(LeakedEniReason.NoCreationTime, LeakedEniRule.Judge(Eni(age: null), new LeakedEniCriteria(), Now, ownerGone: false));

    [Fact]
    public void AnAttachedEniIsNeverLeakedEvenIfEc2CallsItAvailable()
    {
        var eni = Eni(age: TimeSpan.FromHours(1)) with { Attachment = new Ec2Attachment { AttachmentId = "eni-attach-1", InstanceId = "i-1" } };
        Assert.Null(LeakedEniRule.Judge(eni, new LeakedEniCriteria(), Now, ownerGone: true));
    }

    [Theory]
    [InlineData("in-use", "aws-K8S-i-1")]
    [InlineData("available", "made by hand")]
    public void AnEniInUseOrNotMadeByTheCniIsNotACandidate(string status, string description)
    {
        var eni = Eni(age: TimeSpan.FromHours(1)) with
        {
            Status = status == "in-use" ? Ec2NetworkInterfaceStatus.InUse : Ec2NetworkInterfaceStatus.Available,
            Description = description,
        };
        Assert.False(LeakedEniRule.IsCandidate(eni, new LeakedEniCriteria()));
    }

    [Fact]
    public void AClusterNameOrInstanceCriterionExcludesOtherClustersAndInstances()
    {
        var eni = Eni(age: TimeSpan.FromHours(1));
        Assert.False(LeakedEniRule.IsCandidate(eni, new LeakedEniCriteria { ClusterName = "other" }));
        Assert.False(LeakedEniRule.IsCandidate(eni, new LeakedEniCriteria { InstanceId = "i-2" }));
        Assert.True(LeakedEniRule.IsCandidate(eni, new LeakedEniCriteria { ClusterName = "prod", InstanceId = "i-1" }));
    }

    [Fact]
    public void TheQueryAsksEc2ForAvailableCniEnisOfTheClusterOrInstance()
    {
        var byCluster = LeakedEniRule.Query(new LeakedEniCriteria { ClusterName = "prod" }).Filters.Select(f => $"{f.Name}={string.Join(',', f.Values)}");
        Assert.Equal(["status=available", "tag-key=node.k8s.amazonaws.com/instance_id", "description=aws-K8S-*", "tag:cluster.k8s.amazonaws.com/name=prod"], byCluster);
        var byInstance = LeakedEniRule.Query(new LeakedEniCriteria { InstanceId = "i-1" }).Filters.Select(f => f.Name);
        Assert.Contains("tag:node.k8s.amazonaws.com/instance_id", byInstance);
    }

    private static Ec2NetworkInterface Eni(TimeSpan? age)
    {
        var tags = new Dictionary<string, string>
        {
            [LeakedEniRule.InstanceIdTag] = "i-1",
            [LeakedEniRule.ClusterNameTag] = "prod",
        };
        if (age is { } a)
        {
            tags[LeakedEniRule.CreatedAtTag] = (Now - a).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        }

        return new Ec2NetworkInterface
        {
            NetworkInterfaceId = "eni-1",
            Status = Ec2NetworkInterfaceStatus.Available,
            Description = "aws-K8S-i-1",
            Tags = tags,
        };
    }
}
