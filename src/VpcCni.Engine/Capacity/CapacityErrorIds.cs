namespace VpcCni.Engine.Capacity;

/// <summary>
/// Stable error identifiers raised by the capacity calculators. They are part of the public
/// contract: scripts and tests match on them (the module turns them into the ErrorRecord's id).
/// </summary>
public static class CapacityErrorIds
{
    /// <summary>Neither an instance type nor explicit ENI and IPv4-per-ENI limits were given.</summary>
    public const string MissingInstanceLimits = "MissingInstanceLimits";

    /// <summary>An explicit limit (ENIs, IPv4 per ENI, vCPUs) is outside its accepted range.</summary>
    public const string InvalidInstanceLimit = "InvalidInstanceLimit";

    /// <summary>The CNI version is not of the form <c>major.minor[.patch]</c>, optionally with a leading <c>v</c>.</summary>
    public const string InvalidCniVersion = "InvalidCniVersion";

    /// <summary>A pod count, node count, burst or growth factor is outside its accepted range.</summary>
    public const string InvalidWorkload = "InvalidWorkload";

    /// <summary>A subnet prefix length is outside /16–/28 (the sizes a VPC subnet may have).</summary>
    public const string InvalidSubnetPrefixLength = "InvalidSubnetPrefixLength";

    /// <summary>A subnet CIDR could not be parsed or is not an IPv4 network.</summary>
    public const string InvalidSubnetCidr = "InvalidSubnetCidr";
}
