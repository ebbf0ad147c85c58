using System.Net;

namespace VpcCni.Engine.Aws;

/// <summary>An EC2 instance as DescribeInstances reports it, reduced to what the engine reads.</summary>
public sealed record Ec2Instance
{
    public required string InstanceId { get; init; }

    public string? InstanceType { get; init; }

    /// <summary>The state name, e.g. <c>running</c>.</summary>
    public string? State { get; init; }

    public string? AvailabilityZone { get; init; }

    public IPAddress? PrivateIpAddress { get; init; }

    public string? SubnetId { get; init; }

    public string? VpcId { get; init; }

    /// <summary>Attached ENIs, including those still attaching or detaching (their device slot is taken).</summary>
    public IReadOnlyList<Ec2NetworkInterface> NetworkInterfaces { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
