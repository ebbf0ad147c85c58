using System.Collections.Frozen;

namespace VpcCni.Simulator.Ec2;

/// <summary>The EC2 actions ipamd uses (docs/simulator.md, "EC2 actions"), with their throttle classes (EC2 API Reference, "Request throttling for the Amazon EC2 API").</summary>
internal static class Ec2ActionRegistry
{
    private static readonly FrozenDictionary<string, Ec2Action> Actions = new Ec2Action[]
    {
        new("DescribeInstances", Ec2ThrottleClass.NonMutating, InstanceHandlers.DescribeInstances),
        new("DescribeInstanceTypes", Ec2ThrottleClass.NonMutating, InstanceHandlers.DescribeInstanceTypes),
        new("DescribeNetworkInterfaces", Ec2ThrottleClass.NonMutating, DescribeNetworkInterfacesHandler.Handle),
        new("DescribeSubnets", Ec2ThrottleClass.NonMutating, VpcHandlers.DescribeSubnets),
        new("DescribeSecurityGroups", Ec2ThrottleClass.NonMutating, VpcHandlers.DescribeSecurityGroups),
        new("DescribeVpcs", Ec2ThrottleClass.NonMutating, VpcHandlers.DescribeVpcs),
        new("DescribeTags", Ec2ThrottleClass.NonMutating, TagHandlers.Describe),
        new("CreateNetworkInterface", Ec2ThrottleClass.Uncategorized5, CreateNetworkInterfaceHandler.Handle),
        new("DeleteNetworkInterface", Ec2ThrottleClass.Uncategorized5, NetworkInterfaceHandlers.Delete),
        new("ModifyNetworkInterfaceAttribute", Ec2ThrottleClass.Uncategorized5, NetworkInterfaceHandlers.Modify),
        new("AttachNetworkInterface", Ec2ThrottleClass.Mutating, AttachmentHandlers.Attach),
        new("DetachNetworkInterface", Ec2ThrottleClass.Mutating, AttachmentHandlers.Detach),
        new("AssignPrivateIpAddresses", Ec2ThrottleClass.Uncategorized5, PrivateIpHandlers.Assign),
        new("UnassignPrivateIpAddresses", Ec2ThrottleClass.Uncategorized5, PrivateIpHandlers.Unassign),
        new("AssignIpv6Addresses", Ec2ThrottleClass.Uncategorized5, Ipv6Handlers.Assign),
        new("UnassignIpv6Addresses", Ec2ThrottleClass.Mutating, Ipv6Handlers.Unassign),
        new("CreateTags", Ec2ThrottleClass.Uncategorized10, TagHandlers.Create),
        new("DeleteTags", Ec2ThrottleClass.Uncategorized10, TagHandlers.Delete),
    }.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => Actions.Keys.Order(StringComparer.Ordinal);

    public static bool IsKnown(string name) => Actions.ContainsKey(name);

    public static Ec2Action? Find(string name) => Actions.GetValueOrDefault(name);
}
