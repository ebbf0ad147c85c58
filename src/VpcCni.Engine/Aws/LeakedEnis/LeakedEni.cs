namespace VpcCni.Engine.Aws.LeakedEnis;

/// <summary>One leaked ENI as <c>Find-VpcCniLeakedEni</c> reports it; <see cref="NetworkInterfaceId"/>, <see cref="Region"/> and <see cref="Ec2Endpoint"/> pipe into <c>Remove-VpcCniLeakedEni</c>.</summary>
public sealed record LeakedEni
{
    public required string NetworkInterfaceId { get; init; }

    /// <summary>The instance its <c>node.k8s.amazonaws.com/instance_id</c> tag names.</summary>
    public required string InstanceId { get; init; }

    /// <summary>That instance's state (<c>running</c>, <c>terminated</c>, …), or <c>missing</c> when EC2 no longer knows it.</summary>
    public required string InstanceState { get; init; }

    public required LeakedEniReason Reason { get; init; }

    public string? ClusterName { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Time since <see cref="CreatedAt"/> when it is known.</summary>
    public TimeSpan? Age { get; init; }

    public string? SubnetId { get; init; }

    public string? VpcId { get; init; }

    public string? AvailabilityZone { get; init; }

    public string? Description { get; init; }

    /// <summary>The region it was found in.</summary>
    public string? Region { get; init; }

    /// <summary>The EC2 endpoint override it was found through (a simulator's); null for the region's public endpoint.</summary>
    public string? Ec2Endpoint { get; init; }
}
