namespace VpcCni.Engine.Aws;

/// <summary>
/// A CreateNetworkInterface request (EC2 API reference, CreateNetworkInterface). Secondary-IP count and IPv4-prefix count are
/// mutually exclusive in EC2; the adapter rejects both being set before calling.
/// </summary>
public sealed record Ec2CreateNetworkInterfaceRequest
{
    public required string SubnetId { get; init; }

    /// <summary>Upstream uses <c>aws-K8S-&lt;instance-id&gt;</c>.</summary>
    public string? Description { get; init; }

    /// <summary>Security groups; empty means the VPC's default group.</summary>
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary>Secondary private IPv4 addresses to assign at creation (0 for none).</summary>
    public int SecondaryPrivateIpAddressCount { get; init; }

    /// <summary>IPv4 /28 prefixes to delegate at creation (0 for none).</summary>
    public int Ipv4PrefixCount { get; init; }

    /// <summary>IPv6 prefixes to delegate at creation (0 for none).</summary>
    public int Ipv6PrefixCount { get; init; }

    /// <summary>
    /// EC2 <c>InterfaceType</c>: null or <c>interface</c> for a plain ENI, else <c>efa</c>,
    /// <c>efa-only</c>, <c>branch</c> or <c>trunk</c>.
    /// </summary>
    public string? InterfaceType { get; init; }

    /// <summary>Tags applied at creation (one <c>network-interface</c> tag specification).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Idempotency token; null lets the SDK generate one per call (stable across its retries).</summary>
    public string? ClientToken { get; init; }
}
