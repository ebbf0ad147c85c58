using System.Globalization;
using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Ec2;

/// <summary>DescribeSubnets, DescribeSecurityGroups and DescribeVpcs (EC2 API Reference, DescribeSubnets).</summary>
internal static class VpcHandlers
{
    private static readonly HashSet<string> SubnetFilters = new(StringComparer.Ordinal)
    {
        "vpc-id", "availability-zone", "availabilityZone", "availability-zone-id", "subnet-id", "cidr-block", "cidr",
        "cidrBlock", "state", "default-for-az", "owner-id",
    };

    private static readonly HashSet<string> GroupFilters = new(StringComparer.Ordinal) { "group-id", "group-name", "vpc-id", "description", "owner-id" };

    private static readonly HashSet<string> VpcFilters = new(StringComparer.Ordinal) { "vpc-id", "cidr", "cidr-block-association.cidr-block", "state", "owner-id" };

    public static void DescribeSubnets(Ec2Call call)
    {
        var world = call.World;
        var ids = call.Request.GetList("SubnetId");
        Ec2Ids.Require(ids, "subnet", "InvalidSubnetID.Malformed");
        if (ids.FirstOrDefault(id => !world.Subnets.Exists(s => s.Id == id)) is { } missing)
        {
            throw Ec2Exception.SubnetNotFound(missing);
        }

        var filters = Ec2FilterSet.Parse(call.Request, SubnetFilters);
        call.DryRunCheckpoint();
        var selected = world.Subnets
            .Where(s => ids.Count == 0 || ids.Contains(s.Id))
            .Where(s => filters.Matches(name => SubnetValues(world, s, name), s.Tags))
            .OrderBy(s => s.Id, StringComparer.Ordinal);
        var (page, next) = Ec2Paging.Page(selected, s => s.Id, call.Request, 5, 1000);
        var xml = call.Xml;
        xml.Start("subnetSet");
        foreach (var s in page)
        {
            xml.Start("item");
            xml.Element("subnetId", s.Id);
            xml.Element("subnetArn", $"arn:aws:ec2:{world.Region}:{world.AccountId}:subnet/{s.Id}");
            xml.Element("state", "available");
            xml.Element("vpcId", s.VpcId);
            xml.Element("ownerId", world.AccountId);
            xml.Element("cidrBlock", s.CidrBlock.ToString());
            xml.Element("availableIpAddressCount", s.AvailableIpAddressCount);
            xml.Element("availabilityZone", s.AvailabilityZone);
            xml.Element("availabilityZoneId", s.AvailabilityZoneId);
            xml.Element("defaultForAz", s.DefaultForAz);
            xml.Element("mapPublicIpOnLaunch", false);
            xml.Element("assignIpv6AddressOnCreation", false);
            xml.Start("ipv6CidrBlockAssociationSet");
            if (s.Ipv6CidrBlock is { } v6)
            {
                xml.Start("item");
                xml.Element("associationId", "subnet-cidr-assoc-" + s.Id[7..]);
                xml.Element("ipv6CidrBlock", v6.ToString());
                xml.Start("ipv6CidrBlockState");
                xml.Element("state", "associated");
                xml.End();
                xml.End();
            }

            xml.End();
            xml.TagSet(s.Tags);
            xml.End();
        }

        xml.End();
        xml.Element("nextToken", next);
    }

    public static void DescribeSecurityGroups(Ec2Call call)
    {
        var world = call.World;
        var ids = call.Request.GetList("GroupId");
        Ec2Ids.Require(ids, "sg", "InvalidGroupId.Malformed");
        if (ids.FirstOrDefault(id => world.SecurityGroup(id) is null) is { } missing)
        {
            throw Ec2Exception.GroupNotFound(missing);
        }

        var names = call.Request.GetList("GroupName");
        var filters = Ec2FilterSet.Parse(call.Request, GroupFilters);
        call.DryRunCheckpoint();
        var selected = world.SecurityGroups
            .Where(g => (ids.Count == 0 || ids.Contains(g.Id)) && (names.Count == 0 || names.Contains(g.Name)))
            .Where(g => filters.Matches(name => GroupValues(world, g, name), g.Tags))
            .OrderBy(g => g.Id, StringComparer.Ordinal);
        var (page, next) = Ec2Paging.Page(selected, g => g.Id, call.Request, 5, 1000);
        var xml = call.Xml;
        xml.Start("securityGroupInfo");
        foreach (var g in page)
        {
            xml.Start("item");
            xml.Element("ownerId", world.AccountId);
            xml.Element("groupId", g.Id);
            xml.Element("groupName", g.Name);
            xml.Element("groupDescription", g.Description);
            xml.Element("vpcId", g.VpcId);
            xml.Start("ipPermissions");
            xml.End();
            xml.Start("ipPermissionsEgress");
            xml.End();
            xml.TagSet(g.Tags);
            xml.End();
        }

        xml.End();
        xml.Element("nextToken", next);
    }

    public static void DescribeVpcs(Ec2Call call)
    {
        var world = call.World;
        var ids = call.Request.GetList("VpcId");
        Ec2Ids.Require(ids, "vpc", "InvalidVpcID.Malformed");
        if (ids.FirstOrDefault(id => !world.Vpcs.ContainsKey(id)) is { } missing)
        {
            throw new Ec2Exception("InvalidVpcID.NotFound", $"The vpc ID '{missing}' does not exist");
        }

        var filters = Ec2FilterSet.Parse(call.Request, VpcFilters);
        call.DryRunCheckpoint();
        var xml = call.Xml;
        xml.Start("vpcSet");
        foreach (var vpc in world.Vpcs.Values.Where(v => (ids.Count == 0 || ids.Contains(v.Id)) && filters.Matches(
            name => name switch
            {
                "vpc-id" => [v.Id],
                "cidr" => [v.CidrBlocks[0].ToString()],
                "cidr-block-association.cidr-block" => v.CidrBlocks.Select(c => c.ToString()),
                "state" => ["available"],
                "owner-id" => [world.AccountId],
                _ => [],
            },
            v.Tags)))
        {
            xml.Start("item");
            xml.Element("vpcId", vpc.Id);
            xml.Element("ownerId", world.AccountId);
            xml.Element("state", "available");
            xml.Element("cidrBlock", vpc.CidrBlocks[0].ToString());
            xml.Start("cidrBlockAssociationSet");
            for (var i = 0; i < vpc.CidrBlocks.Count; i++)
            {
                xml.Start("item");
                xml.Element("associationId", string.Create(CultureInfo.InvariantCulture, $"vpc-cidr-assoc-{vpc.Id[4..]}{i}"));
                xml.Element("cidrBlock", vpc.CidrBlocks[i].ToString());
                xml.Start("cidrBlockState");
                xml.Element("state", "associated");
                xml.End();
                xml.End();
            }

            xml.End();
            xml.Element("isDefault", false);
            xml.TagSet(vpc.Tags);
            xml.End();
        }

        xml.End();
    }

    private static IEnumerable<string?> SubnetValues(SimWorld world, SimSubnet s, string name) => name switch
    {
        "vpc-id" => [s.VpcId],
        "availability-zone" or "availabilityZone" => [s.AvailabilityZone],
        "availability-zone-id" => [s.AvailabilityZoneId],
        "subnet-id" => [s.Id],
        "cidr-block" or "cidr" or "cidrBlock" => [s.CidrBlock.ToString()],
        "state" => ["available"],
        "default-for-az" => [s.DefaultForAz ? "true" : "false"],
        "owner-id" => [world.AccountId],
        _ => [],
    };

    private static IEnumerable<string?> GroupValues(SimWorld world, SimSecurityGroup g, string name) => name switch
    {
        "group-id" => [g.Id],
        "group-name" => [g.Name],
        "vpc-id" => [g.VpcId],
        "description" => [g.Description],
        "owner-id" => [world.AccountId],
        _ => [],
    };
}
