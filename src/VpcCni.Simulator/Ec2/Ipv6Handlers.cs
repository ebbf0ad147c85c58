using System.Net;

namespace VpcCni.Simulator.Ec2;

/// <summary>AssignIpv6Addresses / UnassignIpv6Addresses: single addresses and /80 prefixes (EC2 API Reference, AssignIpv6Addresses).</summary>
internal static class Ipv6Handlers
{
    public static void Assign(Ec2Call call)
    {
        var request = call.Request;
        var world = call.World;
        var eni = call.Eni(request.Require("NetworkInterfaceId"));
        var count = request.GetInt("Ipv6AddressCount") ?? 0;
        var explicitIps = request.GetList("Ipv6Addresses").Select(PrivateIpHandlers.ParseV6).ToList();
        var prefixCount = request.GetInt("Ipv6PrefixCount") ?? 0;
        if (count < 0 || prefixCount < 0 || count + explicitIps.Count + prefixCount == 0)
        {
            throw Ec2Exception.Missing("Ipv6AddressCount");
        }

        var subnet = world.Subnet(eni.SubnetId);
        var pool = subnet.Ipv6 ?? throw Ec2Exception.Invalid($"Subnet {subnet.Id} has no IPv6 CIDR block.");
        var limit = eni.Attachment is { } a && world.Instances.TryGetValue(a.InstanceId, out var instance)
            ? instance.Limits.Ipv6PerEni ?? instance.Limits.Ipv4PerEni
            : world.Scenario.MaxAddressesPerUnattachedEni;
        if (eni.Ipv6Addresses.Count + eni.Ipv6Prefixes.Count + count + explicitIps.Count + prefixCount > limit)
        {
            throw new Ec2Exception("PrivateIpAddressLimitExceeded", "Number of IPv6 addresses will exceed limit.");
        }

        if (explicitIps.Find(ip => !pool.Cidr.Contains(ip)) is { } outside)
        {
            throw Ec2Exception.Invalid($"Address {outside} does not fall within the subnet's IPv6 range");
        }

        call.DryRunCheckpoint();
        var assigned = new List<IPAddress>();
        foreach (var ip in explicitIps)
        {
            if (!pool.TryAllocate(ip))
            {
                assigned.ForEach(pool.Release);
                throw Ec2Exception.Invalid($"Address {ip} is in use.");
            }

            assigned.Add(ip);
        }

        for (var i = 0; i < count; i++)
        {
            assigned.Add(pool.Allocate());
        }

        var prefixes = Enumerable.Range(0, prefixCount).Select(_ => pool.AllocatePrefix()).ToList();
        eni.Ipv6Addresses.AddRange(assigned);
        eni.Ipv6Prefixes.AddRange(prefixes);
        world.PublishChange(eni);
        call.Xml.Element("networkInterfaceId", eni.Id);
        call.Xml.StringSet("assignedIpv6Addresses", assigned.Select(i => i.ToString()));
        call.Xml.StringSet("assignedIpv6PrefixSet", prefixes.Select(p => p.ToString()));
    }

    public static void Unassign(Ec2Call call)
    {
        var request = call.Request;
        var eni = call.Eni(request.Require("NetworkInterfaceId"));
        var ips = request.GetList("Ipv6Addresses").Select(PrivateIpHandlers.ParseV6).ToList();
        var prefixes = request.GetList("Ipv6Prefix").Select(p => IPNetwork.TryParse(p, out var n) ? n : throw Ec2Exception.Invalid($"Invalid IPv6 prefix: {p}")).ToList();
        if (ips.Count + prefixes.Count == 0)
        {
            throw Ec2Exception.Missing("Ipv6Addresses.1");
        }

        if (ips.Find(i => !eni.Ipv6Addresses.Contains(i)) is { } ip)
        {
            throw Ec2Exception.Invalid($"Address {ip} is not assigned to interface {eni.Id}");
        }

        var missing = prefixes.Where(p => !eni.Ipv6Prefixes.Contains(p)).Select(p => p.ToString()).ToList();
        if (missing.Count > 0)
        {
            throw Ec2Exception.Invalid($"Prefix {string.Join(", ", missing)} is not assigned to interface {eni.Id}");
        }

        call.DryRunCheckpoint();
        var pool = call.World.Subnet(eni.SubnetId).Ipv6!;
        foreach (var i in ips)
        {
            eni.Ipv6Addresses.Remove(i);
            pool.Release(i);
        }

        foreach (var p in prefixes)
        {
            eni.Ipv6Prefixes.Remove(p);
            pool.ReleasePrefix(p);
        }

        call.World.PublishChange(eni);
        call.Xml.Element("networkInterfaceId", eni.Id);
        call.Xml.StringSet("unassignedIpv6Addresses", ips.Select(i => i.ToString()));
        call.Xml.StringSet("unassignedIpv6PrefixSet", prefixes.Select(p => p.ToString()));
    }
}
