namespace VpcCni.Engine.Capacity;

/// <summary>
/// The inputs of a max-pods calculation. They mirror the EKS AMI's <c>max-pods-calculator.sh</c>
/// (upstream misc/max-pods-calculator.sh): an instance type, the CNI version, custom networking, prefix delegation,
/// <c>MAX_ENI</c> and "show max allowed". Explicit limits let a caller calculate for a type the
/// built-in table does not know, or override one figure of a known type.
/// </summary>
public sealed record MaxPodsRequest
{
    /// <summary>The EC2 instance type, such as <c>m5.large</c>. Optional when <see cref="EniLimit"/> and <see cref="Ipv4PerEni"/> are both given.</summary>
    public string? InstanceType { get; init; }

    /// <summary>
    /// Limits resolved outside the built-in table (EC2 <c>DescribeInstanceTypes</c> through
    /// <see cref="Aws.InstanceLimitsLookup"/>). When given they take the table's place, the explicit
    /// figures below still override them, and the result's source is <see cref="LimitsSource.Ec2"/>.
    /// </summary>
    public Limits.InstanceTypeLimits? ResolvedLimits { get; init; }

    /// <summary>ENIs on the default network card; replaces the table's figure when given.</summary>
    public int? EniLimit { get; init; }

    /// <summary>IPv4 addresses per ENI, the primary included; replaces the table's figure when given.</summary>
    public int? Ipv4PerEni { get; init; }

    /// <summary>vCPUs, which choose the 110 or 250 ceiling; replaces the table's figure when given.</summary>
    public int? VCpus { get; init; }

    /// <summary>Whether the type is Nitro or bare metal; replaces the table's answer when given.</summary>
    public bool? SupportsPrefixDelegation { get; init; }

    /// <summary>The VPC CNI version (<c>1.18.3</c>, <c>v1.18.3-eksbuild.1</c>). Prefix delegation counts only from 1.9.0.</summary>
    public string? CniVersion { get; init; }

    /// <summary>Custom networking: pods use secondary ENIs only, so one ENI fewer counts.</summary>
    public bool CustomNetworking { get; init; }

    /// <summary><c>ENABLE_PREFIX_DELEGATION</c>: each IPv4 slot holds a /28 prefix of 16 addresses.</summary>
    public bool PrefixDelegation { get; init; }

    /// <summary><c>MAX_ENI</c>: caps the ENI count. Values below 1 are ignored, as ipamd ignores them.</summary>
    public int? MaxEni { get; init; }

    /// <summary>Report the raw figure as the answer, without the 110/250 ceiling.</summary>
    public bool ShowMaxAllowed { get; init; }
}
