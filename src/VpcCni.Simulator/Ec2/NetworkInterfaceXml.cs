using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Ec2;

/// <summary>The <c>NetworkInterface</c> shape shared by Describe/Create/DescribeInstances (EC2 API Reference, DescribeNetworkInterfaces).</summary>
internal static class NetworkInterfaceXml
{
    public static void WriteBody(Ec2ResponseWriter xml, SimWorld world, SimNetworkInterface eni)
    {
        var owner = world.AccountId;
        xml.Element("networkInterfaceId", eni.Id);
        xml.Element("subnetId", eni.SubnetId);
        xml.Element("vpcId", eni.VpcId);
        xml.Element("availabilityZone", eni.AvailabilityZone);
        xml.Element("description", eni.Description);
        xml.Element("ownerId", owner);
        xml.Element("requesterManaged", false);
        xml.Element("status", eni.Status);
        xml.Element("macAddress", eni.MacAddress);
        xml.Element("privateIpAddress", eni.PrimaryIp.ToString());
        xml.Element("privateDnsName", DnsName(world, eni.PrimaryIp.ToString()));
        xml.Element("sourceDestCheck", eni.SourceDestCheck);
        xml.Element("interfaceType", eni.InterfaceType);
        WriteGroups(xml, world, eni.GroupIds);
        if (eni.Attachment is { } a)
        {
            xml.Start("attachment");
            xml.Element("attachmentId", a.Id);
            xml.Element("instanceId", a.InstanceId);
            xml.Element("instanceOwnerId", owner);
            xml.Element("deviceIndex", a.DeviceIndex);
            xml.Element("networkCardIndex", a.NetworkCardIndex);
            xml.Element("status", a.Status);
            xml.Element("attachTime", a.AttachTime);
            xml.Element("deleteOnTermination", a.DeleteOnTermination);
            xml.End();
        }

        xml.TagSet(eni.Tags);
        xml.Start("privateIpAddressesSet");
        foreach (var ip in eni.AllIpv4())
        {
            xml.Start("item");
            xml.Element("privateIpAddress", ip.ToString());
            xml.Element("privateDnsName", DnsName(world, ip.ToString()));
            xml.Element("primary", ip.Equals(eni.PrimaryIp));
            xml.End();
        }

        xml.End();
        xml.ItemSet("ipv4PrefixSet", "ipv4Prefix", eni.Ipv4Prefixes.Select(p => p.ToString()));
        xml.ItemSet("ipv6AddressesSet", "ipv6Address", eni.Ipv6Addresses.Select(p => p.ToString()));
        xml.ItemSet("ipv6PrefixSet", "ipv6Prefix", eni.Ipv6Prefixes.Select(p => p.ToString()));
    }

    public static void WriteGroups(Ec2ResponseWriter xml, SimWorld world, IEnumerable<string> groupIds)
    {
        xml.Start("groupSet");
        foreach (var id in groupIds)
        {
            xml.Start("item");
            xml.Element("groupId", id);
            xml.Element("groupName", world.SecurityGroup(id)?.Name);
            xml.End();
        }

        xml.End();
    }

    public static string DnsName(SimWorld world, string ip) =>
        $"ip-{ip.Replace('.', '-')}.{world.Region}.compute.internal";
}
