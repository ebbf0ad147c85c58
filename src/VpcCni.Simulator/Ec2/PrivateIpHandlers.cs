using System.Net;

namespace VpcCni.Simulator.Ec2;

/// <summary>AssignPrivateIpAddresses / UnassignPrivateIpAddresses for addresses and /28 prefixes (EC2 API Reference, AssignPrivateIpAddresses and UnassignPrivateIpAddresses).</summary>
internal static class PrivateIpHandlers
{
    public static void Assign(Ec2Call call)
    {
        var request = call.Request;
        var world = call.World;
        var eni = call.Eni(request.Require("NetworkInterfaceId"));
        var count = request.GetInt("SecondaryPrivateIpAddressCount") ?? 0;
        var ips = request.GetList("PrivateIpAddress").Select(CreateNetworkInterfaceHandler.ParseV4).ToList();
        var prefixCount = request.GetInt("Ipv4PrefixCount") ?? 0;
        var prefixes = request.GetList("Ipv4Prefix").Select(CreateNetworkInterfaceHandler.ParsePrefix).ToList();
        var kinds = (count != 0 ? 1 : 0) + (ips.Count > 0 ? 1 : 0) + (prefixCount != 0 ? 1 : 0) + (prefixes.Count > 0 ? 1 : 0);
        if (kinds == 0)
        {
            throw Ec2Exception.Missing("SecondaryPrivateIpAddressCount");
        }

        if (kinds > 1)
        {
            throw new Ec2Exception("InvalidParameterCombination", "Specify exactly one of SecondaryPrivateIpAddressCount, PrivateIpAddress, Ipv4PrefixCount and Ipv4Prefix.");
        }

        if (count < 0 || prefixCount < 0)
        {
            throw Ec2Exception.Invalid("SecondaryPrivateIpAddressCount and Ipv4PrefixCount must be 1 or more.");
        }

        // All-or-nothing against the instance type's IPv4 slots per ENI (EC2 API Reference, AssignPrivateIpAddresses).
        var limit = eni.Attachment is { } a && world.Instances.TryGetValue(a.InstanceId, out var instance)
            ? instance.Limits.Ipv4PerEni
            : world.Scenario.MaxAddressesPerUnattachedEni;
        if (eni.Ipv4SlotCount + count + ips.Count + prefixCount + prefixes.Count > limit)
        {
            throw new Ec2Exception("PrivateIpAddressLimitExceeded", Ec2ErrorCodes.DefaultMessage("PrivateIpAddressLimitExceeded"));
        }

        call.DryRunCheckpoint();
        var subnet = world.Subnet(eni.SubnetId);
        var (newIps, newPrefixes) = AddressAllocator.Allocate(world, subnet, count, ips, prefixCount, prefixes, request.GetBool("AllowReassignment") == true, creating: false);
        eni.SecondaryIps.AddRange(newIps);
        eni.Ipv4Prefixes.AddRange(newPrefixes);
        world.PublishChange(eni);

        // Only the newly assigned items: ipamd appends them straight to its pool.
        var xml = call.Xml;
        xml.Element("networkInterfaceId", eni.Id);
        xml.ItemSet("assignedPrivateIpAddressesSet", "privateIpAddress", newIps.Select(i => i.ToString()));
        xml.ItemSet("assignedIpv4PrefixSet", "ipv4Prefix", newPrefixes.Select(p => p.ToString()));
    }

    public static void Unassign(Ec2Call call)
    {
        var request = call.Request;
        var eni = call.Eni(request.Require("NetworkInterfaceId"));
        var ips = request.GetList("PrivateIpAddress").Select(CreateNetworkInterfaceHandler.ParseV4).Distinct().ToList();
        var prefixes = request.GetList("Ipv4Prefix").Select(CreateNetworkInterfaceHandler.ParsePrefix).Distinct().ToList();
        if (ips.Count == 0 && prefixes.Count == 0)
        {
            throw Ec2Exception.Missing("PrivateIpAddress.1");
        }

        if (ips.Find(eni.PrimaryIp.Equals) is { } primary)
        {
            throw Ec2Exception.Invalid($"The primary private IP address {primary} of {eni.Id} cannot be unassigned.");
        }

        var notOnEni = ips.Where(i => !eni.SecondaryIps.Contains(i)).Select(i => i.ToString())
            .Concat(prefixes.Where(p => !eni.Ipv4Prefixes.Contains(p)).Select(p => p.ToString())).ToList();
        if (notOnEni.Count > 0)
        {
            throw Ec2Exception.Invalid($"Some of the specified addresses are not assigned to interface {eni.Id}: {string.Join(", ", notOnEni)}");
        }

        call.DryRunCheckpoint();
        var subnet = call.World.Subnet(eni.SubnetId);
        foreach (var ip in ips)
        {
            eni.SecondaryIps.Remove(ip);
            subnet.Pool.Release(ip);
        }

        foreach (var prefix in prefixes)
        {
            eni.Ipv4Prefixes.Remove(prefix);
            subnet.Pool.ReleasePrefix(prefix);
        }

        call.World.PublishChange(eni);
        call.ReturnTrue();
    }

    internal static IPAddress ParseV6(string text) =>
        IPAddress.TryParse(text, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? ip
            : throw Ec2Exception.Invalid($"Invalid IPv6 address: {text}");
}
