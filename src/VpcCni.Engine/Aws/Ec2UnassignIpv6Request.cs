using System.Net;

namespace VpcCni.Engine.Aws;

/// <summary>An UnassignIpv6Addresses request: IPv6 addresses and/or prefixes to release.</summary>
public sealed record Ec2UnassignIpv6Request
{
    public required string NetworkInterfaceId { get; init; }

    public IReadOnlyList<IPAddress> Ipv6Addresses { get; init; } = [];

    public IReadOnlyList<IPNetwork> Ipv6Prefixes { get; init; } = [];
}
