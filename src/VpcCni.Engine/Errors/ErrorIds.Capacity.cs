namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Capacity calculators and instance-type limits (max pods, subnet plans, warm-pool advice).</summary>
    public static class Capacity
    {
        /// <summary>The instance type is not in the built-in limits table (category NotFound).</summary>
        public const string UnknownInstanceType = "Capacity.UnknownInstanceType";

        /// <summary>EC2 DescribeInstanceTypes answered limits the engine cannot use (no ENI or IPv4-per-ENI figure).</summary>
        public const string InvalidInstanceTypeLimits = "Capacity.InvalidInstanceTypeLimits";

        /// <summary>Neither an instance type nor explicit ENI and IPv4-per-ENI limits were given.</summary>
        public const string MissingInstanceLimits = "Capacity.MissingInstanceLimits";

        /// <summary>An explicit limit (ENIs, IPv4 per ENI, vCPUs) is outside its accepted range.</summary>
        public const string InvalidInstanceLimit = "Capacity.InvalidInstanceLimit";

        /// <summary>The CNI version is not of the form <c>major.minor[.patch]</c>, optionally with a leading <c>v</c>.</summary>
        public const string InvalidCniVersion = "Capacity.InvalidCniVersion";

        /// <summary>A pod count, node count, burst or growth factor is outside its accepted range.</summary>
        public const string InvalidWorkload = "Capacity.InvalidWorkload";

        /// <summary>A subnet prefix length is outside /16–/28 (the sizes a VPC subnet may have).</summary>
        public const string InvalidSubnetPrefixLength = "Capacity.InvalidSubnetPrefixLength";

        /// <summary>A subnet CIDR could not be parsed or is not an IPv4 network.</summary>
        public const string InvalidSubnetCidr = "Capacity.InvalidSubnetCidr";
    }
}
