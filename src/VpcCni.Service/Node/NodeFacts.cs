using System.Net;
using VpcCni.Engine.Limits;

namespace VpcCni.Service.Node;

/// <summary>What node initialisation learned about the instance, for the pool loop and for introspection.</summary>
public sealed record NodeFacts
{
    public required string InstanceId { get; init; }

    public required string InstanceType { get; init; }

    public required string Region { get; init; }

    /// <summary>The primary ENI's MAC, in IMDS's lower-case <c>xx:xx:…</c> form.</summary>
    public required string PrimaryMac { get; init; }

    public required string PrimaryEniId { get; init; }

    /// <summary>The node's primary IPv4 address (IMDS <c>local-ipv4</c>).</summary>
    public IPAddress? PrimaryIpv4 { get; init; }

    /// <summary>The VPC's IPv4 CIDR blocks (IMDS <c>vpc-ipv4-cidr-blocks</c> of the primary ENI).</summary>
    public IReadOnlyList<IPNetwork> VpcIpv4Cidrs { get; init; } = [];

    /// <summary>The instance type's ENI and address limits (built-in table, else EC2 DescribeInstanceTypes).</summary>
    public required InstanceTypeLimits Limits { get; init; }

    /// <summary>ENIs of card 0 the datastore tracks (the trunk included).</summary>
    public IReadOnlyList<string> ManagedEniIds { get; init; } = [];

    /// <summary>ENIs of card 0 left alone (tagged no_manage, EFA-only, untagged when MANAGE_UNTAGGED_ENI is off); they still take ENI slots.</summary>
    public IReadOnlyList<string> UnmanagedEniIds { get; init; } = [];

    /// <summary>Pod assignments the checkpoint brought back.</summary>
    public int RestoredAssignments { get; init; }

    /// <summary>Subnets tagged <c>kubernetes.io/role/cni=0</c> among the attached ENIs' at start; their ENIs give out no pod addresses.</summary>
    public IReadOnlySet<string> ExcludedSubnetIds { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
