using System.Net;

namespace VpcCni.Engine.Aws;

/// <summary>A subnet as DescribeSubnets reports it (EC2 API reference, DescribeSubnets).</summary>
public sealed record Ec2Subnet
{
    public required string SubnetId { get; init; }

    public string? VpcId { get; init; }

    public IPNetwork? CidrBlock { get; init; }

    public IReadOnlyList<IPNetwork> Ipv6CidrBlocks { get; init; } = [];

    public string? AvailabilityZone { get; init; }

    public string? AvailabilityZoneId { get; init; }

    /// <summary>Free IPv4 addresses; subnet discovery orders candidates by it (upstream pkg/awsutils/awsutils.go, subnet discovery).</summary>
    public int AvailableIpAddressCount { get; init; }

    public string? State { get; init; }

    public bool DefaultForAz { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
