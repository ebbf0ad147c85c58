using System.Net;

namespace VpcCni.Engine.Aws;

/// <summary>
/// An AssignIpv6Addresses request (EC2 API reference, AssignIpv6Addresses): exactly one of an address count, a prefix count
/// (upstream asks for one /80 prefix), explicit addresses or explicit prefixes.
/// </summary>
public sealed record Ec2AssignIpv6Request
{
    public required string NetworkInterfaceId { get; init; }

    public int Ipv6AddressCount { get; init; }

    public int Ipv6PrefixCount { get; init; }

    public IReadOnlyList<IPAddress> Ipv6Addresses { get; init; } = [];

    public IReadOnlyList<IPNetwork> Ipv6Prefixes { get; init; } = [];
}
