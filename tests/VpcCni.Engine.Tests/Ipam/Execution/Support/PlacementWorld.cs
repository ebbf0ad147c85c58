using VpcCni.Engine.Ipam.Placement;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Engine.Tests.Ipam.Execution.Support;

/// <summary>
/// A VPC for placement tests: the instance's primary subnet is a small /24 in us-west-2a; beside it a
/// tagged /20 and a tagged /18 (the most free addresses of the candidates), an untagged /17 and an
/// excluded /17 that are larger still, and a tagged /17 in another zone.
/// </summary>
internal static class PlacementWorld
{
    public const string Primary = "subnet-0000000000000a001";
    public const string TaggedSmall = "subnet-0000000000000a002";
    public const string TaggedLarge = "subnet-0000000000000a003";
    public const string Untagged = "subnet-0000000000000a004";
    public const string Excluded = "subnet-0000000000000a005";
    public const string OtherZone = "subnet-0000000000000b001";
    public const string PodsGroup = "sg-0000000000000a002";

    public static void Configure(Scenario scenario)
    {
        scenario.Vpc = new ScenarioVpc { CidrBlocks = ["10.0.0.0/16", "100.64.0.0/16", "100.65.0.0/16"] };
        scenario.Subnets =
        [
            Subnet(Primary, "us-west-2a", "10.0.0.0/24", null),
            Subnet(TaggedSmall, "us-west-2a", "10.0.16.0/20", SubnetDiscovery.IncludedValue),
            Subnet(TaggedLarge, "us-west-2a", "10.0.64.0/18", SubnetDiscovery.IncludedValue),
            Subnet(Untagged, "us-west-2a", "100.64.0.0/17", null),
            Subnet(Excluded, "us-west-2a", "100.64.128.0/17", SubnetDiscovery.ExcludedValue),
            Subnet(OtherZone, "us-west-2b", "100.65.0.0/17", SubnetDiscovery.IncludedValue),
        ];
        scenario.SecurityGroups = [new ScenarioSecurityGroup(), new ScenarioSecurityGroup { Id = PodsGroup, Name = "pods", Description = "pods" }];
        scenario.Instances[0].SubnetId = Primary;
    }

    private static ScenarioSubnet Subnet(string id, string zone, string cidr, string? role)
    {
        var subnet = new ScenarioSubnet { Id = id, AvailabilityZone = zone, CidrBlock = cidr };
        if (role is not null)
        {
            subnet.Tags[SubnetDiscovery.RoleTag] = role;
        }

        return subnet;
    }
}
