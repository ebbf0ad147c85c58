namespace VpcCni.Engine.Aws;

/// <summary>
/// The narrow EC2 port: the actions ipamd uses (upstream pkg/awsutils/awsutils.go; docs/aws.md lists them with their IAM actions), in the engine's own
/// records. Every failure is an <see cref="Ec2ApiException"/> carrying the AWS error code. Retries
/// of throttling and transient errors happen inside the implementation's SDK client, never above it.
/// Describe methods follow <c>NextToken</c> and return every match.
/// </summary>
public interface IEc2Api
{
    Task<IReadOnlyList<Ec2Instance>> DescribeInstancesAsync(Ec2DescribeQuery query, CancellationToken cancellationToken);

    /// <summary>Describes instance types; the query's ids are type names such as <c>m5.large</c>.</summary>
    Task<IReadOnlyList<Ec2InstanceTypeInfo>> DescribeInstanceTypesAsync(Ec2DescribeQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ec2NetworkInterface>> DescribeNetworkInterfacesAsync(Ec2DescribeQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ec2Subnet>> DescribeSubnetsAsync(Ec2DescribeQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ec2SecurityGroup>> DescribeSecurityGroupsAsync(Ec2DescribeQuery query, CancellationToken cancellationToken);

    /// <summary>Describes tags; ids are not accepted (filter on <c>resource-id</c> instead).</summary>
    Task<IReadOnlyList<Ec2TagDescription>> DescribeTagsAsync(Ec2DescribeQuery query, CancellationToken cancellationToken);

    /// <summary>Creates an ENI (status <c>available</c>) and returns it as EC2 describes it.</summary>
    Task<Ec2NetworkInterface> CreateNetworkInterfaceAsync(Ec2CreateNetworkInterfaceRequest request, CancellationToken cancellationToken);

    Task<Ec2AttachResult> AttachNetworkInterfaceAsync(Ec2AttachNetworkInterfaceRequest request, CancellationToken cancellationToken);

    Task DetachNetworkInterfaceAsync(string attachmentId, bool force, CancellationToken cancellationToken);

    Task DeleteNetworkInterfaceAsync(string networkInterfaceId, CancellationToken cancellationToken);

    Task ModifyNetworkInterfaceAttributeAsync(Ec2ModifyNetworkInterfaceRequest request, CancellationToken cancellationToken);

    /// <summary>Assigns secondary IPv4 addresses or /28 prefixes; returns only the new ones.</summary>
    Task<Ec2AddressChange> AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest request, CancellationToken cancellationToken);

    Task UnassignPrivateIpAddressesAsync(Ec2UnassignPrivateIpRequest request, CancellationToken cancellationToken);

    /// <summary>Assigns IPv6 addresses or prefixes; returns only the new ones.</summary>
    Task<Ec2AddressChange> AssignIpv6AddressesAsync(Ec2AssignIpv6Request request, CancellationToken cancellationToken);

    /// <summary>Releases IPv6 addresses or prefixes; returns what EC2 reports as released.</summary>
    Task<Ec2AddressChange> UnassignIpv6AddressesAsync(Ec2UnassignIpv6Request request, CancellationToken cancellationToken);

    /// <summary>Adds or overwrites tags on resources (ENIs, instances, …).</summary>
    Task CreateTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>
    /// Asks EC2 whether the credentials may perform an action, without performing it. Only actions
    /// whose EC2 API has a DryRun member can be probed; the others are refused with an
    /// <see cref="Errors.VpcCniException"/> of category InvalidArgument.
    /// </summary>
    Task<Ec2DryRunResult> DryRunAsync(Ec2DryRunRequest request, CancellationToken cancellationToken);
}
