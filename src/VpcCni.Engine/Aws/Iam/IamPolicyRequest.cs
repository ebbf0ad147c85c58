namespace VpcCni.Engine.Aws.Iam;

/// <summary>What to generate a policy for; <see cref="IamPolicyGenerator"/> validates it.</summary>
public sealed record IamPolicyRequest
{
    public IamIpFamily IpFamily { get; init; } = IamIpFamily.IPv4;

    /// <summary><c>CLUSTER_NAME</c> of the nodes: narrows creating and changing ENIs to ENIs tagged for it. Null or empty: not narrowed.</summary>
    public string? ClusterName { get; init; }

    /// <summary>The ARN partition (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>).</summary>
    public string Partition { get; init; } = "aws";
}
