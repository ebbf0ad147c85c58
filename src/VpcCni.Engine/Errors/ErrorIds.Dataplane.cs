namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Error ids of the host and pod wiring (<c>Linux/Wiring</c>) and of kernel parameters.</summary>
    public static class Dataplane
    {
        /// <summary>No link has the ENI's MAC after every lookup attempt.</summary>
        public const string EniLinkNotFound = "Dataplane.EniLinkNotFound";

        /// <summary>The host veth was not found right after the pair was created.</summary>
        public const string HostVethMissing = "Dataplane.HostVethMissing";

        /// <summary>The pod-side interface was not found right after the pair was created.</summary>
        public const string PodInterfaceMissing = "Dataplane.PodInterfaceMissing";

        /// <summary>The branch ENI's VLAN link was not found right after it was created.</summary>
        public const string VlanLinkMissing = "Dataplane.VlanLinkMissing";

        /// <summary>The pod address is not IPv4; IPv6 pod wiring is not implemented.</summary>
        public const string UnsupportedPodAddressFamily = "Dataplane.UnsupportedPodAddressFamily";

        /// <summary>A veth pair made ahead of the address was handed to ADD for another pod interface.</summary>
        public const string VethPairMismatch = "Dataplane.VethPairMismatch";

        /// <summary>A kernel parameter under /proc/sys does not exist in this kernel or namespace.</summary>
        public const string SysctlNotFound = "Dataplane.SysctlNotFound";
    }
}
