using System.Globalization;
using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Ec2;

/// <summary>DescribeNetworkInterfaces: ids, filters with wildcards, MaxResults/NextToken paging (EC2 API Reference, DescribeNetworkInterfaces).</summary>
internal static class DescribeNetworkInterfacesHandler
{
    private static readonly HashSet<string> Filters = new(StringComparer.Ordinal)
    {
        "network-interface-id", "attachment.instance-id", "attachment.attachment-id", "attachment.status",
        "attachment.device-index", "attachment.network-card-index", "attachment.delete-on-termination",
        "attachment.instance-owner-id", "status", "subnet-id", "vpc-id", "availability-zone", "group-id",
        "group-name", "description", "interface-type", "mac-address", "private-ip-address",
        "addresses.private-ip-address", "addresses.primary", "ipv6-addresses.ipv6-address", "owner-id",
        "requester-managed", "source-dest-check", "private-dns-name",
    };

    public static void Handle(Ec2Call call)
    {
        var world = call.World;
        var ids = call.Request.GetList("NetworkInterfaceId");
        Ec2Ids.Require(ids, "eni", "InvalidNetworkInterfaceId.Malformed");
        if (ids.Count > 0 && call.Request.Has("MaxResults"))
        {
            throw new Ec2Exception("InvalidParameterCombination", "You cannot specify this parameter and the network interface IDs parameter in the same request");
        }

        // One id, single-quoted: ipamd extracts it with '([a-zA-Z0-9-]+)' and drops it (EC2 API Reference, DescribeNetworkInterfaces).
        if (ids.FirstOrDefault(id => !world.NetworkInterfaces.TryGetValue(id, out var e) || e.VisibleAt > world.Now) is { } missing)
        {
            throw Ec2Exception.EniNotFound(missing);
        }

        var filters = Ec2FilterSet.Parse(call.Request, Filters);
        call.DryRunCheckpoint();
        var selected = (ids.Count > 0 ? ids.Distinct(StringComparer.Ordinal).Select(id => world.NetworkInterfaces[id]).OrderBy(e => e.Id, StringComparer.Ordinal) : world.NetworkInterfaces.Values.AsEnumerable())
            .Where(e => e.VisibleAt <= world.Now && filters.Matches(name => Values(world, e, name), e.Tags));
        var (page, next) = Ec2Paging.Page(selected, e => e.Id, call.Request, 5, 1000);
        var xml = call.Xml;
        xml.Start("networkInterfaceSet");
        foreach (var eni in page)
        {
            xml.Start("item");
            NetworkInterfaceXml.WriteBody(xml, world, eni);
            xml.End();
        }

        xml.End();
        xml.Element("nextToken", next);
    }

    private static IEnumerable<string?> Values(SimWorld world, SimNetworkInterface e, string name)
    {
        var a = e.Attachment;
        return name switch
        {
            "network-interface-id" => [e.Id],
            "attachment.instance-id" => [a?.InstanceId],
            "attachment.attachment-id" => [a?.Id],
            "attachment.status" => [a?.Status],
            "attachment.device-index" => [a?.DeviceIndex.ToString(CultureInfo.InvariantCulture)],
            "attachment.network-card-index" => [a?.NetworkCardIndex.ToString(CultureInfo.InvariantCulture)],
            "attachment.delete-on-termination" => [a is null ? null : a.DeleteOnTermination ? "true" : "false"],
            "attachment.instance-owner-id" => [a is null ? null : world.AccountId],
            "status" => [e.Status],
            "subnet-id" => [e.SubnetId],
            "vpc-id" => [e.VpcId],
            "availability-zone" => [e.AvailabilityZone],
            "group-id" => e.GroupIds,
            "group-name" => e.GroupIds.Select(g => world.SecurityGroup(g)?.Name),
            "description" => [e.Description],
            "interface-type" => [e.InterfaceType],
            "mac-address" => [e.MacAddress],
            "private-ip-address" or "addresses.private-ip-address" => e.AllIpv4().Select(i => i.ToString()),
            "addresses.primary" => ["true", e.SecondaryIps.Count > 0 ? "false" : null],
            "ipv6-addresses.ipv6-address" => e.Ipv6Addresses.Select(i => i.ToString()),
            "owner-id" => [world.AccountId],
            "requester-managed" => ["false"],
            "source-dest-check" => [e.SourceDestCheck ? "true" : "false"],
            "private-dns-name" => [NetworkInterfaceXml.DnsName(world, e.PrimaryIp.ToString())],
            _ => [],
        };
    }
}
