namespace VpcCni.Engine.Aws;

/// <summary>
/// The EC2 actions the engine calls through <see cref="IEc2Api"/>. The names are the EC2 Query API
/// action names, which are also the IAM action names (<c>ec2:&lt;name&gt;</c>), so an
/// <see cref="Ec2ApiException"/> or a dry-run result can name the permission it concerns.
/// </summary>
public enum Ec2Action
{
    DescribeInstances,
    DescribeInstanceTypes,
    DescribeNetworkInterfaces,
    DescribeSubnets,
    DescribeSecurityGroups,
    DescribeTags,
    CreateNetworkInterface,
    AttachNetworkInterface,
    DetachNetworkInterface,
    DeleteNetworkInterface,
    ModifyNetworkInterfaceAttribute,
    AssignPrivateIpAddresses,
    UnassignPrivateIpAddresses,
    AssignIpv6Addresses,
    UnassignIpv6Addresses,
    CreateTags,
}
