using System.Net;

namespace VpcCni.Simulator.World;

/// <summary>A subnet with live address accounting (IPv4 addresses and /28 prefixes, optional IPv6 /64).</summary>
public sealed class SimSubnet
{
    internal SimSubnet(string id, string vpcId, string availabilityZone, string availabilityZoneId, IPNetwork cidrBlock, IPNetwork? ipv6CidrBlock)
    {
        Id = id;
        VpcId = vpcId;
        AvailabilityZone = availabilityZone;
        AvailabilityZoneId = availabilityZoneId;
        Pool = new SubnetAddressPool(cidrBlock);
        Ipv6 = ipv6CidrBlock is { } v6 ? new Ipv6Pool(v6) : null;
    }

    public string Id { get; }

    public string VpcId { get; }

    public string AvailabilityZone { get; }

    public string AvailabilityZoneId { get; }

    public IPNetwork CidrBlock => Pool.Cidr;

    public IPNetwork? Ipv6CidrBlock => Ipv6?.Cidr;

    /// <summary>What EC2 reports as <c>availableIpAddressCount</c>: size − 5 reserved − used (addresses and prefixes).</summary>
    public int AvailableIpAddressCount => Pool.Available;

    /// <summary>Aligned /28 blocks that are still entirely free.</summary>
    public int FreePrefixBlocks => Pool.FreePrefixBlocks();

    public bool DefaultForAz { get; init; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    internal SubnetAddressPool Pool { get; }

    internal Ipv6Pool? Ipv6 { get; }
}
