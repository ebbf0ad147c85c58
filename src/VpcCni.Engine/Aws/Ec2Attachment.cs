namespace VpcCni.Engine.Aws;

/// <summary>An ENI's attachment to an instance, as DescribeNetworkInterfaces/DescribeInstances report it.</summary>
public sealed record Ec2Attachment
{
    public required string AttachmentId { get; init; }

    public string? InstanceId { get; init; }

    /// <summary>The device index on its network card (0 is the primary ENI on card 0).</summary>
    public int DeviceIndex { get; init; }

    public int NetworkCardIndex { get; init; }

    public Ec2AttachmentStatus Status { get; init; }

    public bool DeleteOnTermination { get; init; }

    public DateTimeOffset? AttachTime { get; init; }
}
