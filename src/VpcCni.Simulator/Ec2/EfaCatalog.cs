using System.Collections.Frozen;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Ec2;

/// <summary>
/// Instance types that support Elastic Fabric Adapters, with the most EFA interfaces each takes.
/// Source: EC2 User Guide, "Elastic Fabric Adapter", section "Supported instance types"
/// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/efa.html#efa-instance-types); the counts are
/// what DescribeInstanceTypes reports as <c>NetworkInfo.EfaInfo.MaximumEfaInterfaces</c> (EC2 API
/// Reference, EfaInfo). A subset of the page: the largest sizes of the families the CNI meets most,
/// all in the engine's catalog. Scenario types declare their own with <c>maximumEfaInterfaces</c>.
/// </summary>
internal static class EfaCatalog
{
    public static FrozenDictionary<string, int> MaximumEfaInterfaces { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["c5n.9xlarge"] = 1, ["c5n.18xlarge"] = 1, ["c5n.metal"] = 1,
        ["c6gn.16xlarge"] = 1, ["c6i.32xlarge"] = 1, ["c6i.metal"] = 1,
        ["c6in.32xlarge"] = 2, ["c6in.metal"] = 2, ["c7gn.16xlarge"] = 1, ["c7gn.metal"] = 1,
        ["m5dn.24xlarge"] = 1, ["m5dn.metal"] = 1, ["m5n.24xlarge"] = 1, ["m5n.metal"] = 1,
        ["m5zn.12xlarge"] = 1, ["m5zn.metal"] = 1, ["m6a.48xlarge"] = 1, ["m6a.metal"] = 1,
        ["m6i.32xlarge"] = 1, ["m6i.metal"] = 1, ["m6idn.32xlarge"] = 2, ["m6idn.metal"] = 2,
        ["m6in.32xlarge"] = 2, ["m6in.metal"] = 2,
        ["r5dn.24xlarge"] = 1, ["r5dn.metal"] = 1, ["r5n.24xlarge"] = 1, ["r5n.metal"] = 1,
        ["g4dn.8xlarge"] = 1, ["g4dn.12xlarge"] = 1, ["g4dn.16xlarge"] = 1, ["g4dn.metal"] = 1,
        ["g5.48xlarge"] = 1, ["dl1.24xlarge"] = 4, ["p3dn.24xlarge"] = 1, ["p4d.24xlarge"] = 4,
        ["p5.48xlarge"] = 32, ["trn1.32xlarge"] = 8,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The EFA interfaces a type takes: the scenario's own declaration first, then this table; 0 = no EFA.</summary>
    public static int For(Scenario scenario, string instanceType) =>
        scenario.InstanceTypes.Find(t => t.InstanceType == instanceType) is { } declared
            ? declared.MaximumEfaInterfaces ?? 0
            : MaximumEfaInterfaces.GetValueOrDefault(instanceType);
}
