using System.Net;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.World;

/// <summary>Turns a validated scenario into world objects: ids not given by the scenario come from the seeded generator.</summary>
internal static class SimWorldBuilder
{
    public static void Populate(SimWorld world, Scenario scenario)
    {
        var ids = world.Ids;
        world.InstanceTypes = ScenarioInstanceType.CatalogFor(scenario);
        var vpcId = scenario.Vpc.Id is { } v ? ids.Reserve(v) : ids.Next("vpc");
        var vpc = new SimVpc(
            vpcId,
            [.. scenario.Vpc.CidrBlocks.Select(c => IPNetwork.Parse(c))],
            scenario.Vpc.Ipv6CidrBlock is { } v6 ? IPNetwork.Parse(v6) : null);
        world.Vpcs[vpc.Id] = vpc;

        var seenAz = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in scenario.Subnets)
        {
            var subnet = new SimSubnet(
                s.Id is { } sid ? ids.Reserve(sid) : ids.Next("subnet"),
                vpc.Id,
                s.AvailabilityZone,
                AzId(scenario.Region, s.AvailabilityZone),
                IPNetwork.Parse(s.CidrBlock),
                s.Ipv6CidrBlock is { } sv6 ? IPNetwork.Parse(sv6) : null)
            {
                DefaultForAz = false,
            };
            foreach (var (key, value) in s.Tags ?? [])
            {
                subnet.Tags[key] = value;
            }

            seenAz.Add(s.AvailabilityZone);
            world.Subnets.Add(subnet);
        }

        var groups = scenario.SecurityGroups.Count > 0 ? scenario.SecurityGroups : [new ScenarioSecurityGroup()];
        foreach (var g in groups)
        {
            world.SecurityGroups.Add(new SimSecurityGroup(g.Id is { } gid ? ids.Reserve(gid) : ids.Next("sg"), g.Name, g.Description, vpc.Id));
        }

        var launch = world.Now;
        foreach (var i in scenario.Instances)
        {
            var subnet = i.SubnetId is { } sid
                ? world.Subnet(sid)
                : world.Subnets.First(s => s.AvailabilityZone == (i.AvailabilityZone ?? world.Subnets[0].AvailabilityZone));
            var instance = new SimInstance(i.Id is { } iid ? ids.Reserve(iid) : ids.Next("i"), world.InstanceTypes.Get(i.InstanceType), subnet, launch)
            {
                NetworkNamespace = i.Netns,
                ReservationId = ids.Next("r"),
            };
            foreach (var (key, value) in i.Tags ?? [])
            {
                instance.Tags[key] = value;
            }

            world.Instances[instance.Id] = instance;

            // The primary ENI: device 0 on card 0, deleted with the instance (EC2 API Reference, NetworkInterfaceAttachment).
            var eni = world.CreateNetworkInterface(subnet, null);
            eni.Description = "Primary network interface";
            eni.GroupIds.Add(world.SecurityGroups[0].Id);
            world.Attach(eni, instance, 0, 0, immediate: true).DeleteOnTermination = true;
            instance.PrimaryNetworkInterfaceId = eni.Id;
        }
    }

    /// <summary>An AZ id in the shape AWS uses (<c>usw2-az1</c>); the real mapping is per account, so any stable one will do.</summary>
    internal static string AzId(string region, string availabilityZone)
    {
        var parts = region.Split('-');
        var prefix = parts.Length == 3 ? $"{parts[0]}{parts[1][0]}{parts[2]}" : region;
        return $"{prefix}-az{availabilityZone[^1] - 'a' + 1}";
    }
}
