using System.Net;

namespace VpcCni.Engine.Aws;

/// <summary>
/// An ENI as EC2 describes it (DescribeNetworkInterfaces, CreateNetworkInterface, or the
/// interface list of DescribeInstances); the engine's own record, not an SDK type.
/// </summary>
public sealed record Ec2NetworkInterface
{
    public required string NetworkInterfaceId { get; init; }

    public string? SubnetId { get; init; }

    public string? VpcId { get; init; }

    public string? AvailabilityZone { get; init; }

    public string? Description { get; init; }

    public string? MacAddress { get; init; }

    public string? OwnerId { get; init; }

    public Ec2NetworkInterfaceStatus Status { get; init; }

    /// <summary><c>interface</c>, <c>trunk</c>, <c>branch</c>, <c>efa</c>, <c>efa-only</c>, …</summary>
    public string InterfaceType { get; init; } = "interface";

    public bool RequesterManaged { get; init; }

    public bool SourceDestCheck { get; init; } = true;

    public IPAddress? PrimaryIpAddress { get; init; }

    /// <summary>Every private IPv4 address, primary included.</summary>
    public IReadOnlyList<Ec2PrivateIpAddress> PrivateIpAddresses { get; init; } = [];

    /// <summary>Delegated IPv4 prefixes (/28 in prefix-delegation mode).</summary>
    public IReadOnlyList<IPNetwork> Ipv4Prefixes { get; init; } = [];

    public IReadOnlyList<IPAddress> Ipv6Addresses { get; init; } = [];

    public IReadOnlyList<IPNetwork> Ipv6Prefixes { get; init; } = [];

    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The attachment, or null for an unattached (available) ENI.</summary>
    public Ec2Attachment? Attachment { get; init; }

    /// <summary>The secondary IPv4 addresses (every private address except the primary).</summary>
    public IEnumerable<IPAddress> SecondaryIpAddresses =>
        PrivateIpAddresses.Where(a => !a.IsPrimary).Select(a => a.Address);
}
