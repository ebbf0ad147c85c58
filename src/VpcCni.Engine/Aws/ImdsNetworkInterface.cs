using System.Net;

namespace VpcCni.Engine.Aws;

/// <summary>One ENI as instance metadata shows it (upstream's <c>ENIMetadata</c> from IMDS).</summary>
public sealed record ImdsNetworkInterface
{
    public required string NetworkInterfaceId { get; init; }

    public required string MacAddress { get; init; }

    public int DeviceNumber { get; init; }

    public int NetworkCard { get; init; }

    public string? SubnetId { get; init; }

    public IPNetwork? SubnetIpv4Cidr { get; init; }

    /// <summary>IPv4 addresses, the ENI's primary first.</summary>
    public IReadOnlyList<IPAddress> Ipv4Addresses { get; init; } = [];

    public IReadOnlyList<IPNetwork> Ipv4Prefixes { get; init; } = [];

    public IReadOnlyList<IPAddress> Ipv6Addresses { get; init; } = [];

    public IReadOnlyList<IPNetwork> Ipv6Prefixes { get; init; } = [];

    /// <summary>True for EFA-only ENIs, which publish no <c>local-ipv4s</c> (EC2 user guide, instance metadata category network/interfaces/macs/mac/local-ipv4s).</summary>
    public bool HasNoIpv4 { get; init; }

    /// <summary>The primary ENI is device 0 on card 0.</summary>
    public bool IsPrimary => DeviceNumber == 0 && NetworkCard == 0;
}
