using System.Net;

namespace VpcCni.Engine.Aws;

/// <summary>An UnassignPrivateIpAddresses request: secondary addresses and/or IPv4 prefixes to release (wire spec §2.11).</summary>
public sealed record Ec2UnassignPrivateIpRequest
{
    public required string NetworkInterfaceId { get; init; }

    public IReadOnlyList<IPAddress> PrivateIpAddresses { get; init; } = [];

    public IReadOnlyList<IPNetwork> Ipv4Prefixes { get; init; } = [];
}
