namespace VpcCni.Engine.Aws.LeakedEnis;

/// <summary>Which ENIs <see cref="LeakedEniRule"/> looks at, and how old an unattached one must be.</summary>
public sealed record LeakedEniCriteria
{
    /// <summary>Only ENIs tagged for this instance (the node service: its own); null for every instance.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Only ENIs whose <c>cluster.k8s.amazonaws.com/name</c> tag is this; null for any.</summary>
    public string? ClusterName { get; init; }

    /// <summary>Only ENIs in this VPC; null for any.</summary>
    public string? VpcId { get; init; }

    /// <summary>An available ENI of a live instance younger than this is left alone.</summary>
    public TimeSpan GracePeriod { get; init; } = LeakedEniRule.DefaultGracePeriod;
}
