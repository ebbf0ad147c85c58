using System.Net;

namespace VpcCni.Simulator.World;

/// <summary>A VPC of the simulated world: its IPv4 CIDR blocks (the first is primary) and optional IPv6 block.</summary>
public sealed class SimVpc
{
    internal SimVpc(string id, IReadOnlyList<IPNetwork> cidrBlocks, IPNetwork? ipv6CidrBlock)
    {
        Id = id;
        CidrBlocks = cidrBlocks;
        Ipv6CidrBlock = ipv6CidrBlock;
    }

    public string Id { get; }

    public IReadOnlyList<IPNetwork> CidrBlocks { get; }

    public IPNetwork? Ipv6CidrBlock { get; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
