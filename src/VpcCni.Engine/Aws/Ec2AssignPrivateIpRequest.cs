using System.Net;

namespace VpcCni.Engine.Aws;

/// <summary>
/// An AssignPrivateIpAddresses request (EC2 API reference, AssignPrivateIpAddresses): exactly one of a secondary-address count,
/// a /28 prefix count, explicit addresses, or explicit prefixes.
/// </summary>
public sealed record Ec2AssignPrivateIpRequest
{
    public required string NetworkInterfaceId { get; init; }

    public int SecondaryPrivateIpAddressCount { get; init; }

    public int Ipv4PrefixCount { get; init; }

    public IReadOnlyList<IPAddress> PrivateIpAddresses { get; init; } = [];

    public IReadOnlyList<IPNetwork> Ipv4Prefixes { get; init; } = [];

    /// <summary>Assigns <paramref name="count"/> secondary addresses chosen by EC2.</summary>
    public static Ec2AssignPrivateIpRequest Addresses(string networkInterfaceId, int count) =>
        new() { NetworkInterfaceId = networkInterfaceId, SecondaryPrivateIpAddressCount = count };

    /// <summary>Delegates <paramref name="count"/> /28 prefixes chosen by EC2.</summary>
    public static Ec2AssignPrivateIpRequest Prefixes(string networkInterfaceId, int count) =>
        new() { NetworkInterfaceId = networkInterfaceId, Ipv4PrefixCount = count };
}
