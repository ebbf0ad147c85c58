using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Node.Support;

/// <summary>
/// Subnets of one zone for the node's placement tests: the primary subnet (small, so that it can run
/// out), a tagged /20, a tagged /18 with the most free addresses of the candidates, an untagged /17 and
/// a /17 tagged <c>kubernetes.io/role/cni=0</c>, both larger still; and a second security group.
/// </summary>
internal static class SubnetScenario
{
    public const string Primary = "subnet-00000000000000c01";
    public const string Tagged = "subnet-00000000000000c02";
    public const string TaggedMostFree = "subnet-00000000000000c03";
    public const string Untagged = "subnet-00000000000000c04";
    public const string Excluded = "subnet-00000000000000c05";
    public const string PodsGroup = "sg-00000000000000c02";
    private const string RoleTag = "kubernetes.io/role/cni";

    /// <summary>The scenario; <paramref name="primaryCidr"/> sizes the primary subnet (a /28 holds 11 addresses).</summary>
    public static Scenario Create(string primaryCidr = "10.0.0.0/24")
    {
        var scenario = Scenario.Default();
        scenario.Vpc = new ScenarioVpc { CidrBlocks = ["10.0.0.0/16", "100.64.0.0/16"] };
        scenario.Subnets =
        [
            new ScenarioSubnet { Id = Primary, AvailabilityZone = "us-west-2a", CidrBlock = primaryCidr },
            new ScenarioSubnet { Id = Tagged, AvailabilityZone = "us-west-2a", CidrBlock = "10.0.16.0/20", Tags = { [RoleTag] = "1" } },
            new ScenarioSubnet { Id = TaggedMostFree, AvailabilityZone = "us-west-2a", CidrBlock = "10.0.64.0/18", Tags = { [RoleTag] = "1" } },
            new ScenarioSubnet { Id = Untagged, AvailabilityZone = "us-west-2a", CidrBlock = "100.64.0.0/17" },
            new ScenarioSubnet { Id = Excluded, AvailabilityZone = "us-west-2a", CidrBlock = "100.64.128.0/17", Tags = { [RoleTag] = "0" } },
        ];
        scenario.SecurityGroups = [new ScenarioSecurityGroup(), new ScenarioSecurityGroup { Id = PodsGroup, Name = "pods", Description = "pods" }];
        scenario.Instances[0].SubnetId = Primary;
        return scenario;
    }
}
