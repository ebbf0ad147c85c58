using System.Globalization;
using System.Text;
using System.Text.Json;
using VpcCni.Simulator.Ec2;
using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Imds;

/// <summary>Builds the <c>/latest/meta-data/</c> tree of one instance from its lagged IMDS view (EC2 User Guide, "Instance metadata categories").</summary>
internal static class ImdsTree
{
    public static ImdsNode Build(SimWorld world, SimInstance instance)
    {
        var interfaces = world.ImdsInterfaces(instance);
        var primary = world.NetworkInterfaces[instance.PrimaryNetworkInterfaceId];
        var hostname = NetworkInterfaceXml.DnsName(world, primary.PrimaryIp.ToString());
        var root = ImdsNode.Category()
            .Leaf("ami-id", instance.ImageId)
            .Leaf("hostname", hostname)
            .Leaf("local-hostname", hostname)
            .Leaf("instance-id", instance.Id)
            .Leaf("instance-type", instance.InstanceType)
            .Leaf("local-ipv4", primary.PrimaryIp.ToString())
            .Leaf("mac", primary.MacAddress)
            .Leaf("reservation-id", instance.ReservationId)
            .Leaf("security-groups", string.Join('\n', primary.GroupIds.Select(g => world.SecurityGroup(g)?.Name ?? g)));
        if (primary.Ipv6Addresses.Count > 0)
        {
            root.Leaf("ipv6", primary.Ipv6Addresses[0].ToString());
        }

        root.Child("placement")
            .Leaf("availability-zone", instance.AvailabilityZone)
            .Leaf("availability-zone-id", SimWorldBuilder.AzId(world.Region, instance.AvailabilityZone))
            .Leaf("region", world.Region);
        root.Child("services").Leaf("domain", "amazonaws.com").Leaf("partition", "aws");
        var macs = root.Child("network").Child("interfaces").Child("macs");
        var multiCard = instance.Limits.NetworkCards.Count > 1;
        foreach (var eni in interfaces)
        {
            var node = macs.Child(eni.Mac)
                .Leaf("device-number", eni.DeviceNumber.ToString(CultureInfo.InvariantCulture))
                .Leaf("interface-id", eni.InterfaceId)
                .Lines("ipv4-prefix", eni.Ipv4Prefixes)
                .Lines("ipv6-prefix", eni.Ipv6Prefixes)
                .Lines("ipv6s", eni.Ipv6s)
                .Leaf("local-hostname", eni.LocalIpv4s.Count > 0 ? NetworkInterfaceXml.DnsName(world, eni.LocalIpv4s[0]) : null)
                .Lines("local-ipv4s", eni.LocalIpv4s)
                .Leaf("mac", eni.Mac)
                .Leaf("owner-id", world.AccountId)
                .Lines("security-group-ids", eni.SecurityGroupIds)
                .Lines("security-groups", eni.SecurityGroupNames)
                .Leaf("subnet-id", eni.SubnetId)
                .Leaf("subnet-ipv4-cidr-block", eni.SubnetIpv4Cidr)
                .Leaf("subnet-ipv6-cidr-blocks", eni.SubnetIpv6Cidr)
                .Leaf("vpc-id", eni.VpcId)
                .Leaf("vpc-ipv4-cidr-block", eni.VpcIpv4Cidrs[0])
                .Lines("vpc-ipv4-cidr-blocks", eni.VpcIpv4Cidrs)
                .Leaf("vpc-ipv6-cidr-blocks", eni.VpcIpv6Cidr);

            // Only multi-card types publish network-card; the CNI reads 404 as card 0 (EC2 User Guide, "Instance metadata categories").
            if (multiCard)
            {
                node.Leaf("network-card", eni.NetworkCard.ToString(CultureInfo.InvariantCulture));
            }
        }

        return root;
    }

    public static string IdentityDocument(SimWorld world, SimInstance instance)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("accountId", world.AccountId);
            json.WriteString("architecture", "x86_64");
            json.WriteString("availabilityZone", instance.AvailabilityZone);
            json.WriteNull("billingProducts");
            json.WriteNull("devpayProductCodes");
            json.WriteNull("marketplaceProductCodes");
            json.WriteString("imageId", instance.ImageId);
            json.WriteString("instanceId", instance.Id);
            json.WriteString("instanceType", instance.InstanceType);
            json.WriteNull("kernelId");
            json.WriteString("pendingTime", instance.LaunchTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteString("privateIp", world.NetworkInterfaces[instance.PrimaryNetworkInterfaceId].PrimaryIp.ToString());
            json.WriteNull("ramdiskId");
            json.WriteString("region", world.Region);
            json.WriteString("version", "2017-09-30");
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
