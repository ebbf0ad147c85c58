using System.Globalization;

namespace VpcCni.Engine.Aws.LeakedEnis;

/// <summary>
/// The one rule that says an ENI was leaked by the CNI (upstream <c>pkg/awsutils/awsutils.go</c>,
/// <c>getLeakedENIs</c>): it is <c>available</c> (attached to nothing), its description starts with
/// <c>aws-K8S-</c> and it carries the <c>node.k8s.amazonaws.com/instance_id</c> tag the CNI writes on
/// create; and either the instance it was made for is gone, or its <c>node.k8s.amazonaws.com/createdAt</c>
/// tag is older than the grace period (an ENI without the tag counts as old: it is not attached).
/// The node service applies it to its own instance's ENIs, <c>Find-VpcCniLeakedEni</c> to a region's.
/// </summary>
public static class LeakedEniRule
{
    /// <summary>The tag naming the instance an ENI was created for.</summary>
    public const string InstanceIdTag = "node.k8s.amazonaws.com/instance_id";

    /// <summary>The creation-time tag the ENI provider writes (RFC 3339, UTC).</summary>
    public const string CreatedAtTag = "node.k8s.amazonaws.com/createdAt";

    /// <summary>The cluster tag the ENI provider writes when <c>CLUSTER_NAME</c> is set.</summary>
    public const string ClusterNameTag = "cluster.k8s.amazonaws.com/name";

    /// <summary>The description prefix of the ENIs the CNI creates (<c>aws-K8S-&lt;instance id&gt;</c>).</summary>
    public const string DescriptionPrefix = "aws-K8S-";

    /// <summary>Upstream's <c>eniDeleteCooldownTime</c>: an available ENI younger than this may still be on its way to being attached.</summary>
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromMinutes(5);

    /// <summary>The DescribeNetworkInterfaces filters that select the candidates (the rule is checked again on each answer).</summary>
    public static Ec2DescribeQuery Query(LeakedEniCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var filters = new List<Ec2Filter>
        {
            Ec2Filter.Of("status", "available"),
            criteria.InstanceId is { } instance ? Ec2Filter.Tag(InstanceIdTag, instance) : Ec2Filter.Of("tag-key", InstanceIdTag),
            Ec2Filter.Of("description", DescriptionPrefix + "*"),
        };
        if (criteria.ClusterName is { } cluster)
        {
            filters.Add(Ec2Filter.Tag(ClusterNameTag, cluster));
        }

        if (criteria.VpcId is { } vpc)
        {
            filters.Add(Ec2Filter.Of("vpc-id", vpc));
        }

        return new Ec2DescribeQuery { Filters = filters };
    }

    /// <summary>
    /// Whether <paramref name="eni"/> is one of ours, unattached, and matches <paramref name="criteria"/>:
    /// what the filters asked for, checked again so that a lenient EC2 answer never costs an ENI in use.
    /// </summary>
    public static bool IsCandidate(Ec2NetworkInterface eni, LeakedEniCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(eni);
        ArgumentNullException.ThrowIfNull(criteria);
        return eni.Status == Ec2NetworkInterfaceStatus.Available
            && eni.Attachment is null
            && eni.Description?.StartsWith(DescriptionPrefix, StringComparison.Ordinal) == true
            && eni.Tags.TryGetValue(InstanceIdTag, out var owner)
            && (criteria.InstanceId is null || string.Equals(owner, criteria.InstanceId, StringComparison.Ordinal))
            && (criteria.ClusterName is null || string.Equals(eni.Tags.GetValueOrDefault(ClusterNameTag), criteria.ClusterName, StringComparison.Ordinal))
            && (criteria.VpcId is null || string.Equals(eni.VpcId, criteria.VpcId, StringComparison.Ordinal));
    }

    /// <summary>
    /// Why <paramref name="eni"/> is leaked, or null when it is not (not a candidate, or a candidate
    /// younger than the grace period whose instance still exists).
    /// </summary>
    public static LeakedEniReason? Judge(Ec2NetworkInterface eni, LeakedEniCriteria criteria, DateTimeOffset now, bool ownerGone)
    {
        if (!IsCandidate(eni, criteria))
        {
            return null;
        }

        if (ownerGone)
        {
            return LeakedEniReason.InstanceGone;
        }

        return CreatedAt(eni) is not { } created ? LeakedEniReason.NoCreationTime
            : now - created >= criteria.GracePeriod ? LeakedEniReason.OlderThanGracePeriod
            : null;
    }

    /// <summary>The ENI's creation time from its <see cref="CreatedAtTag"/>, or null when it has none or it does not parse.</summary>
    public static DateTimeOffset? CreatedAt(Ec2NetworkInterface eni)
    {
        ArgumentNullException.ThrowIfNull(eni);
        return eni.Tags.TryGetValue(CreatedAtTag, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            ? created
            : null;
    }
}
