using System.Net;
using System.Net.Sockets;
using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Ec2;

/// <summary>CreateNetworkInterface with counts or explicit addresses, prefixes, groups, tags, type and ClientToken idempotency (EC2 API Reference, CreateNetworkInterface).</summary>
internal static class CreateNetworkInterfaceHandler
{
    private static readonly HashSet<string> InterfaceTypes = new(StringComparer.Ordinal) { "interface", "efa", "efa-only", "branch", "trunk" };

    public static void Handle(Ec2Call call)
    {
        var request = call.Request;
        var world = call.World;
        var subnetId = Ec2Ids.Subnet(request.Require("SubnetId"));
        var subnet = world.Subnets.Find(s => s.Id == subnetId) ?? throw Ec2Exception.SubnetNotFound(subnetId);
        var token = request.Get("ClientToken");
        var fingerprint = Fingerprint(request);
        if (token is { Length: > 0 } && world.NetworkInterfaces.Values.FirstOrDefault(e => e.ClientToken == token) is { } earlier)
        {
            // Same token, same parameters: the original ENI, nothing new allocated (EC2 API Reference, "Query requests for Amazon EC2").
            if (earlier.ClientTokenFingerprint != fingerprint)
            {
                throw new Ec2Exception("IdempotentParameterMismatch", $"The client token '{token}' was already used with different parameters.");
            }

            call.DryRunCheckpoint();
            Write(call, earlier, token);
            return;
        }

        var groups = SecurityGroupIds.Parse(call, request.GetList("SecurityGroupId"));
        if (groups.Count == 0)
        {
            groups.Add(world.SecurityGroups[0].Id);
        }

        var interfaceType = request.Get("InterfaceType") ?? "interface";
        if (!InterfaceTypes.Contains(interfaceType))
        {
            throw Ec2Exception.Invalid($"Value ({interfaceType}) for parameter interfaceType is invalid. Valid values: {string.Join(", ", InterfaceTypes)}");
        }

        var explicitList = request.GetStructs("PrivateIpAddresses")
            .Select(s => (Ip: ParseV4(s.Require("PrivateIpAddress")), Primary: s.GetBool("Primary") == true)).ToList();
        IPAddress? primary = request.Get("PrivateIpAddress") is { } p ? ParseV4(p) : explicitList.FirstOrDefault(e => e.Primary).Ip;
        var explicitSecondaries = explicitList.Where(e => !e.Ip.Equals(primary)).Select(e => e.Ip).ToList();
        var secondaryCount = request.GetInt("SecondaryPrivateIpAddressCount") ?? 0;
        var prefixCount = request.GetInt("Ipv4PrefixCount") ?? 0;
        var explicitPrefixes = request.GetStructs("Ipv4Prefix").Select(s => ParsePrefix(s.Require("Ipv4Prefix"))).ToList();
        var kinds = (secondaryCount > 0 ? 1 : 0) + (explicitSecondaries.Count > 0 ? 1 : 0) + (prefixCount > 0 ? 1 : 0) + (explicitPrefixes.Count > 0 ? 1 : 0);
        if (kinds > 1)
        {
            throw new Ec2Exception("InvalidParameterCombination", "SecondaryPrivateIpAddressCount, PrivateIpAddresses, Ipv4PrefixCount and Ipv4Prefixes cannot be combined.");
        }

        if (secondaryCount < 0 || prefixCount < 0)
        {
            throw Ec2Exception.Invalid("SecondaryPrivateIpAddressCount and Ipv4PrefixCount must be 0 or more.");
        }

        var slots = 1 + secondaryCount + explicitSecondaries.Count + prefixCount + explicitPrefixes.Count;
        if (slots > world.Scenario.MaxAddressesPerUnattachedEni)
        {
            throw new Ec2Exception("PrivateIpAddressLimitExceeded", Ec2ErrorCodes.DefaultMessage("PrivateIpAddressLimitExceeded"));
        }

        var tags = TagHandlers.ParseTagSpecifications(request, "network-interface");
        var ipv6Count = request.GetInt("Ipv6AddressCount") ?? 0;
        var ipv6PrefixCount = request.GetInt("Ipv6PrefixCount") ?? 0;
        if ((ipv6Count > 0 || ipv6PrefixCount > 0) && subnet.Ipv6 is null)
        {
            throw Ec2Exception.Invalid($"Subnet {subnet.Id} has no IPv6 CIDR block.");
        }

        call.DryRunCheckpoint();
        if (primary is not null && !subnet.Pool.Contains(primary))
        {
            throw Ec2Exception.Invalid($"Address {primary} does not fall within the subnet's address range");
        }

        var eni = world.CreateNetworkInterface(subnet, primary);
        try
        {
            var (ips, prefixes) = AddressAllocator.Allocate(world, subnet, secondaryCount, explicitSecondaries, prefixCount, explicitPrefixes, allowReassignment: false, creating: true);
            eni.SecondaryIps.AddRange(ips);
            eni.Ipv4Prefixes.AddRange(prefixes);
        }
        catch (Ec2Exception)
        {
            world.DeleteNetworkInterface(eni);
            throw;
        }

        for (var i = 0; i < ipv6Count; i++)
        {
            eni.Ipv6Addresses.Add(subnet.Ipv6!.Allocate());
        }

        for (var i = 0; i < ipv6PrefixCount; i++)
        {
            eni.Ipv6Prefixes.Add(subnet.Ipv6!.AllocatePrefix());
        }

        eni.Description = request.Get("Description") ?? string.Empty;
        eni.InterfaceType = interfaceType;
        eni.GroupIds.AddRange(groups);
        foreach (var (key, value) in tags)
        {
            eni.Tags[key] = value;
        }

        eni.VisibleAt = world.Now.AddMilliseconds(world.Scenario.EventualConsistency.NetworkInterfaceNotFoundMs);
        eni.ClientToken = token;
        eni.ClientTokenFingerprint = fingerprint;
        Write(call, eni, token);
    }

    internal static IPAddress ParseV4(string text) =>
        IPAddress.TryParse(text, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork
            ? ip
            : throw Ec2Exception.Invalid($"Invalid IPv4 address: {text}");

    internal static IPNetwork ParsePrefix(string text) =>
        IPNetwork.TryParse(text, out var net) && net.PrefixLength == 28 && net.BaseAddress.AddressFamily == AddressFamily.InterNetwork
            ? net
            : throw Ec2Exception.Invalid($"Invalid IPv4 prefix: {text} (expected an aligned /28)");

    private static void Write(Ec2Call call, SimNetworkInterface eni, string? token)
    {
        call.Xml.Start("networkInterface");
        NetworkInterfaceXml.WriteBody(call.Xml, call.World, eni);
        call.Xml.End();
        call.Xml.Element("clientToken", token);
    }

    private static string Fingerprint(Ec2QueryRequest request) =>
        string.Join('&', request.Values
            .Where(kv => kv.Key is not ("ClientToken" or "DryRun" or "Action" or "Version"))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key + "=" + kv.Value));
}
