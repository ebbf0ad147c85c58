using System.Net;

namespace VpcCni.Engine.Aws;

/// <summary>An UnassignPrivateIpAddresses request: secondary addresses and/or IPv4 prefixes to release (EC2 API reference, UnassignPrivateIpAddresses).</summary>
public sealed record Ec2UnassignPrivateIpRequest
{
    public required string NetworkInterfaceId { get; init; }

    public IReadOnlyList<IPAddress> PrivateIpAddresses { get; init; } = [];

    public IReadOnlyList<IPNetwork> Ipv4Prefixes { get; init; } = [];
}
