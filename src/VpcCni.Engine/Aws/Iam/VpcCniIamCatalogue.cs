namespace VpcCni.Engine.Aws.Iam;

/// <summary>
/// Every EC2 action of <see cref="Ec2Action"/> (each one <see cref="SdkEc2Api"/> can call), with the
/// families whose nodes call it and the engine code that does. The policy generator reads only this
/// list, and tests in <c>tests/VpcCni.Engine.Tests/Aws/Iam</c> scan the sources so that it cannot
/// drift: every SDK call of the adapter has its entry, and an action is granted only if engine code
/// outside the adapter calls it (docs/iam.md, "How the policy is generated and proven").
/// </summary>
public static class VpcCniIamCatalogue
{
    private static readonly IamIpFamily[] Both = [IamIpFamily.IPv4, IamIpFamily.IPv6];
    private static readonly IamIpFamily[] V4 = [IamIpFamily.IPv4];
    private static readonly IamIpFamily[] V6 = [IamIpFamily.IPv6];
    private static readonly IamResourceGrant OwnEni = new("network-interface", IamTagCondition.ResourceTag);
    private static readonly IamResourceGrant AnyEni = new("network-interface");
    private static readonly IamResourceGrant Instance = new("instance");
    private static readonly IamResourceGrant SecurityGroup = new("security-group");

    /// <summary>One entry per <see cref="Ec2Action"/>, in the enum's order.</summary>
    public static IReadOnlyList<IamActionGrant> All { get; } =
    [
        new() { Action = Ec2Action.DescribeInstances, Families = Both, UsedBy = "Ec2EniProvider (free device indexes before an attach)" },
        new() { Action = Ec2Action.DescribeInstanceTypes, Families = Both, UsedBy = "NodeInitializer through InstanceTypeResolver (limits of a type the built-in table lacks)" },
        new() { Action = Ec2Action.DescribeNetworkInterfaces, Families = Both, UsedBy = "AttachedEniDiscovery, NodeReconciler, LeakedEniCleanup, Ec2EniProvider" },
        new() { Action = Ec2Action.DescribeSubnets, Families = V4, UsedBy = "SubnetDiscovery and Ec2EniProvider (where a new ENI goes)" },
        new() { Action = Ec2Action.DescribeSecurityGroups, Families = [], UsedBy = "not called: new ENIs take the primary ENI's groups from instance metadata" },
        new() { Action = Ec2Action.DescribeTags, Families = [], UsedBy = "not called: tags are read from DescribeNetworkInterfaces and DescribeSubnets answers" },
        new()
        {
            Action = Ec2Action.CreateNetworkInterface, Families = V4, UsedBy = "Ec2EniProvider (a new ENI, tagged in the same request)",
            Resources = [new("network-interface", IamTagCondition.RequestTag), new("subnet"), SecurityGroup],
        },
        new() { Action = Ec2Action.AttachNetworkInterface, Families = V4, UsedBy = "Ec2EniProvider", Resources = [OwnEni, Instance] },
        new() { Action = Ec2Action.DetachNetworkInterface, Families = V4, UsedBy = "Ec2EniProvider (freeing an ENI)", Resources = [OwnEni, Instance] },
        new() { Action = Ec2Action.DeleteNetworkInterface, Families = V4, UsedBy = "Ec2EniProvider (freeing an ENI) and LeakedEniCleanup", Resources = [OwnEni] },
        new()
        {
            Action = Ec2Action.ModifyNetworkInterfaceAttribute, Families = V4, UsedBy = "Ec2EniProvider (DeleteOnTermination of a new attachment)",
            Resources = [OwnEni, Instance, SecurityGroup],
        },

        // The primary ENI is EC2's, made with the instance: it carries no cluster tag, yet pods take its addresses.
        new() { Action = Ec2Action.AssignPrivateIpAddresses, Families = V4, UsedBy = "Ec2EniProvider (secondary IPs or /28 prefixes)", Resources = [AnyEni] },
        new() { Action = Ec2Action.UnassignPrivateIpAddresses, Families = V4, UsedBy = "Ec2EniProvider (returning surplus addresses)", Resources = [AnyEni] },
        new() { Action = Ec2Action.AssignIpv6Addresses, Families = V6, UsedBy = "an IPv6 node's /80 prefix on the primary ENI (upstream ipamd, ENABLE_IPv6)", Resources = [AnyEni] },
        new() { Action = Ec2Action.UnassignIpv6Addresses, Families = [], UsedBy = "not called: an IPv6 node keeps its prefix for its lifetime" },
        new()
        {
            Action = Ec2Action.CreateTags, Families = V4, UsedBy = "tag-on-create of CreateNetworkInterface (IAM checks ec2:CreateTags for TagSpecifications)",
            Resources = [new("network-interface", IamTagCondition.RequestTag)], OnlyDuring = Ec2Action.CreateNetworkInterface,
        },
    ];

    /// <summary>The entry of <paramref name="action"/>.</summary>
    public static IamActionGrant Get(Ec2Action action) => All.First(g => g.Action == action);

    /// <summary>The actions nodes of <paramref name="family"/> call, in catalogue order.</summary>
    public static IReadOnlyList<Ec2Action> ActionsFor(IamIpFamily family) =>
        [.. All.Where(g => g.IsGrantedFor(family)).Select(g => g.Action)];
}
