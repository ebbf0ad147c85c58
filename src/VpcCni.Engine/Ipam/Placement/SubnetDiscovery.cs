using VpcCni.Engine.Aws;

namespace VpcCni.Engine.Ipam.Placement;

/// <summary>
/// Which subnets of the node's VPC and availability zone new ENIs may go to, and which subnets' ENIs
/// carry no pod addresses (<c>ENABLE_SUBNET_DISCOVERY</c>; upstream <c>pkg/awsutils/awsutils.go</c>
/// <c>createENI</c>, <c>getVpcSubnets</c>, <c>IsSubnetExcluded</c>). A subnet joins with the tag
/// <c>kubernetes.io/role/cni=1</c>; the primary ENI's subnet always does; the tag's value <c>0</c>
/// keeps a subnet out, the primary ENI's included.
/// </summary>
public static class SubnetDiscovery
{
    /// <summary>The tag that takes a subnet in (<c>1</c>) or keeps it out (<c>0</c>).</summary>
    public const string RoleTag = "kubernetes.io/role/cni";

    public const string IncludedValue = "1";

    public const string ExcludedValue = "0";

    /// <summary>Whether the subnet is tagged <c>kubernetes.io/role/cni=0</c>: its ENIs hold no pod addresses.</summary>
    public static bool IsExcluded(Ec2Subnet subnet)
    {
        ArgumentNullException.ThrowIfNull(subnet);
        return subnet.Tags.TryGetValue(RoleTag, out var value) && value == ExcludedValue;
    }

    /// <summary>
    /// The subnets a new ENI may go to, most free addresses (DescribeSubnets <c>AvailableIpAddressCount</c>)
    /// first: the primary ENI's subnet and every subnet tagged <c>kubernetes.io/role/cni=1</c>, minus the
    /// excluded ones. Ties keep the primary's subnet first, then subnet ids in order, so that the choice
    /// is the same on every node.
    /// </summary>
    public static IReadOnlyList<Ec2Subnet> Candidates(IEnumerable<Ec2Subnet> subnets, string primarySubnetId)
    {
        ArgumentNullException.ThrowIfNull(subnets);
        ArgumentException.ThrowIfNullOrEmpty(primarySubnetId);
        return
        [
            .. subnets
                .Where(s => !IsExcluded(s) && (s.SubnetId == primarySubnetId
                    || (s.Tags.TryGetValue(RoleTag, out var value) && value == IncludedValue)))
                .OrderByDescending(s => s.AvailableIpAddressCount)
                .ThenBy(s => s.SubnetId == primarySubnetId ? 0 : 1)
                .ThenBy(s => s.SubnetId, StringComparer.Ordinal),
        ];
    }

    /// <summary>The query upstream <c>getVpcSubnets</c> makes: every subnet of the VPC in the availability zone.</summary>
    public static Ec2DescribeQuery SubnetsOf(string vpcId, string availabilityZone) =>
        Ec2DescribeQuery.Where(Ec2Filter.Of("vpc-id", vpcId), Ec2Filter.Of("availability-zone", availabilityZone));

    /// <summary>Which of <paramref name="subnetIds"/> are excluded, in one DescribeSubnets call.</summary>
    public static async Task<IReadOnlySet<string>> FindExcludedAsync(IEc2Api ec2, IEnumerable<string> subnetIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentNullException.ThrowIfNull(subnetIds);
        var ids = subnetIds.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var subnets = await ec2.DescribeSubnetsAsync(Ec2DescribeQuery.ForIds(ids), cancellationToken).ConfigureAwait(false);
        return subnets.Where(IsExcluded).Select(s => s.SubnetId).ToHashSet(StringComparer.Ordinal);
    }
}
