namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Ids raised by the IPAM datastore and the warm-pool planner (docs/ipam.md).</summary>
    public static class Ipam
    {
        /// <summary>No address is assigned to the pod interface; CNI DEL treats it as already released.</summary>
        public const string UnknownPod = "Ipam.UnknownPod";

        /// <summary>Every address of the current mode is assigned or cooling; the pool grows within seconds.</summary>
        public const string NoAvailableAddress = "Ipam.NoAvailableAddress";

        /// <summary>A pod interface key lacks its network name, container id or interface name.</summary>
        public const string InvalidIpamKey = "Ipam.InvalidIpamKey";

        public const string DuplicateEni = "Ipam.DuplicateEni";

        public const string UnknownEni = "Ipam.UnknownEni";

        /// <summary>An ENI with an empty id or a negative device number.</summary>
        public const string InvalidEni = "Ipam.InvalidEni";

        /// <summary>Anything but an IPv4 /32 or /28.</summary>
        public const string InvalidCidr = "Ipam.InvalidCidr";

        /// <summary>The CIDR overlaps one already in the datastore.</summary>
        public const string DuplicateCidr = "Ipam.DuplicateCidr";

        public const string UnknownCidr = "Ipam.UnknownCidr";

        /// <summary>A non-forced removal of a CIDR that still holds a pod.</summary>
        public const string CidrInUse = "Ipam.CidrInUse";

        /// <summary>A non-forced removal of an ENI that still holds a pod.</summary>
        public const string EniInUse = "Ipam.EniInUse";

        /// <summary><c>IP_COOLDOWN_PERIOD</c> below zero.</summary>
        public const string InvalidCooldownPeriod = "Ipam.InvalidCooldownPeriod";

        /// <summary>A warm-pool target below zero.</summary>
        public const string InvalidPoolTargets = "Ipam.InvalidPoolTargets";

        /// <summary>Pool limits without room for one ENI and one CIDR.</summary>
        public const string InvalidPoolLimits = "Ipam.InvalidPoolLimits";

        /// <summary>The planner's prefix-delegation switch differs from the datastore's mode.</summary>
        public const string PoolModeMismatch = "Ipam.PoolModeMismatch";

        /// <summary>A planner input with waiting calls or growth in flight below zero.</summary>
        public const string InvalidPoolDemand = "Ipam.InvalidPoolDemand";
    }
}
