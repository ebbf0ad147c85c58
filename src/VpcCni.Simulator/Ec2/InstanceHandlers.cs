using System.Globalization;
using VpcCni.Engine.Limits;
using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Ec2;

/// <summary>DescribeInstances and DescribeInstanceTypes (EC2 API Reference, DescribeInstances, DescribeInstanceTypes and NetworkInfo).</summary>
internal static class InstanceHandlers
{
    private static readonly HashSet<string> InstanceFilters = new(StringComparer.Ordinal)
    {
        "instance-id", "instance-type", "availability-zone", "instance-state-name", "vpc-id", "subnet-id",
        "private-ip-address", "network-interface.network-interface-id", "network-interface.mac-address",
    };

    private static readonly HashSet<string> TypeFilters = new(StringComparer.Ordinal)
    {
        "instance-type", "hypervisor", "bare-metal", "network-info.maximum-network-interfaces",
        "network-info.ipv4-addresses-per-interface", "network-info.maximum-network-cards",
        "network-info.efa-supported",
    };

    public static void DescribeInstances(Ec2Call call)
    {
        var ids = call.Request.GetList("InstanceId");
        Ec2Ids.Require(ids, "i", "InvalidInstanceID.Malformed");
        if (ids.Count > 0 && call.Request.Has("MaxResults"))
        {
            throw new Ec2Exception("InvalidParameterCombination", "The parameter instancesSet cannot be used with the parameter maxResults");
        }

        var missing = ids.Where(id => !call.World.Instances.ContainsKey(id)).ToList();
        if (missing.Count == 1)
        {
            throw Ec2Exception.InstanceNotFound(missing[0]);
        }

        if (missing.Count > 1)
        {
            throw new Ec2Exception("InvalidInstanceID.NotFound", $"The instance IDs '{string.Join(", ", missing)}' do not exist");
        }

        var filters = Ec2FilterSet.Parse(call.Request, InstanceFilters);
        call.DryRunCheckpoint();
        var world = call.World;
        var selected = world.Instances.Values
            .Where(i => ids.Count == 0 || ids.Contains(i.Id))
            .Where(i => filters.Matches(name => InstanceValues(world, i, name), i.Tags))
            .OrderBy(i => i.Id, StringComparer.Ordinal);
        var (page, next) = Ec2Paging.Page(selected, i => i.Id, call.Request, 5, 1000);
        var xml = call.Xml;
        xml.Start("reservationSet");
        foreach (var instance in page)
        {
            xml.Start("item");
            xml.Element("reservationId", instance.ReservationId);
            xml.Element("ownerId", world.AccountId);
            xml.Start("groupSet");
            xml.End();
            xml.Start("instancesSet");
            xml.Start("item");
            WriteInstance(xml, world, instance);
            xml.End();
            xml.End();
            xml.End();
        }

        xml.End();
        xml.Element("nextToken", next);
    }

    public static void DescribeInstanceTypes(Ec2Call call)
    {
        var names = call.Request.GetList("InstanceType");
        var catalog = call.World.InstanceTypes;
        var unknown = names.Where(n => !catalog.TryGet(n, out _)).ToList();
        if (unknown.Count > 0)
        {
            throw new Ec2Exception("InvalidInstanceType", $"The following supplied instance types do not exist: [{string.Join(", ", unknown)}]");
        }

        var filters = Ec2FilterSet.Parse(call.Request, TypeFilters);
        call.DryRunCheckpoint();
        var selected = (names.Count > 0 ? names.Select(catalog.Get).DistinctBy(t => t.InstanceType) : catalog.All)
            .Where(t => filters.Matches(name => TypeValues(t, EfaCatalog.For(call.World.Scenario, t.InstanceType), name), null))
            .OrderBy(t => t.InstanceType, StringComparer.Ordinal);
        var (page, next) = Ec2Paging.Page(selected, t => t.InstanceType, call.Request, 5, 100);
        var xml = call.Xml;
        xml.Start("instanceTypeSet");
        foreach (var type in page)
        {
            xml.Start("item");
            InstanceTypeXml.Write(xml, type, EfaCatalog.For(call.World.Scenario, type.InstanceType));
            xml.End();
        }

        xml.End();
        xml.Element("nextToken", next);
    }

    private static void WriteInstance(Ec2ResponseWriter xml, SimWorld world, SimInstance instance)
    {
        var primary = world.NetworkInterfaces[instance.PrimaryNetworkInterfaceId];
        xml.Element("instanceId", instance.Id);
        xml.Element("imageId", instance.ImageId);
        xml.Start("instanceState");
        xml.Element("code", 16);
        xml.Element("name", "running");
        xml.End();
        xml.Element("privateDnsName", NetworkInterfaceXml.DnsName(world, primary.PrimaryIp.ToString()));
        xml.Element("instanceType", instance.InstanceType);
        xml.Element("launchTime", instance.LaunchTime);
        xml.Start("placement");
        xml.Element("availabilityZone", instance.AvailabilityZone);
        xml.Element("tenancy", "default");
        xml.End();
        xml.Element("subnetId", instance.SubnetId);
        xml.Element("vpcId", instance.VpcId);
        xml.Element("privateIpAddress", primary.PrimaryIp.ToString());
        xml.Element("architecture", "x86_64");
        xml.Element("hypervisor", instance.Limits.Hypervisor == "xen" ? "xen" : "nitro");
        NetworkInterfaceXml.WriteGroups(xml, world, primary.GroupIds);
        xml.TagSet(instance.Tags);
        xml.Start("networkInterfaceSet");
        foreach (var eni in AttachedTo(world, instance))
        {
            xml.Start("item");
            NetworkInterfaceXml.WriteBody(xml, world, eni);
            xml.End();
        }

        xml.End();
    }

    /// <summary>ENIs holding a device slot on the instance (attaching, attached or detaching), by card then device.</summary>
    internal static IEnumerable<SimNetworkInterface> AttachedTo(SimWorld world, SimInstance instance) =>
        world.NetworkInterfaces.Values
            .Where(e => e.Attachment?.InstanceId == instance.Id)
            .OrderBy(e => e.Attachment!.NetworkCardIndex)
            .ThenBy(e => e.Attachment!.DeviceIndex);

    private static IEnumerable<string?> InstanceValues(SimWorld world, SimInstance i, string name) => name switch
    {
        "instance-id" => [i.Id],
        "instance-type" => [i.InstanceType],
        "availability-zone" => [i.AvailabilityZone],
        "instance-state-name" => ["running"],
        "vpc-id" => [i.VpcId],
        "subnet-id" => [i.SubnetId],
        "private-ip-address" => [world.NetworkInterfaces[i.PrimaryNetworkInterfaceId].PrimaryIp.ToString()],
        "network-interface.network-interface-id" => AttachedTo(world, i).Select(e => e.Id),
        "network-interface.mac-address" => AttachedTo(world, i).Select(e => e.MacAddress),
        _ => [],
    };

    private static IEnumerable<string?> TypeValues(InstanceTypeLimits t, int maximumEfaInterfaces, string name) => name switch
    {
        "network-info.efa-supported" => [maximumEfaInterfaces > 0 ? "true" : "false"],
        "instance-type" => [t.InstanceType],
        "hypervisor" => [t.Hypervisor],
        "bare-metal" => [t.IsBareMetal ? "true" : "false"],
        "network-info.maximum-network-interfaces" => [t.TotalEniLimit.ToString(CultureInfo.InvariantCulture)],
        "network-info.ipv4-addresses-per-interface" => [t.Ipv4PerEni.ToString(CultureInfo.InvariantCulture)],
        "network-info.maximum-network-cards" => [Math.Max(1, t.NetworkCards.Count).ToString(CultureInfo.InvariantCulture)],
        _ => [],
    };
}
