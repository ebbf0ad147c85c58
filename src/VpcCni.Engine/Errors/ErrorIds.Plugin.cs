namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Error ids of the CNI plugin <c>vpc-cni</c>; they travel in the CNI error's <c>details</c> (docs/plugin.md).</summary>
    public static class Plugin
    {
        /// <summary>A <c>CNI_*</c> variable the command needs is missing, or CNI_COMMAND names no command.</summary>
        public const string MissingEnvironment = "Plugin.MissingEnvironment";

        /// <summary>A <c>CNI_*</c> variable is present but malformed (container id, interface name, netns path).</summary>
        public const string InvalidEnvironment = "Plugin.InvalidEnvironment";

        /// <summary>CNI_ARGS is not <c>K=V</c> pairs, names a key the plugin does not know without IgnoreUnknown, or lacks the pod.</summary>
        public const string InvalidCniArgs = "Plugin.InvalidCniArgs";

        /// <summary>Standard input could not be read.</summary>
        public const string StdinUnreadable = "Plugin.StdinUnreadable";

        /// <summary>The network configuration is not JSON of the expected shape.</summary>
        public const string ConfigUndecodable = "Plugin.ConfigUndecodable";

        /// <summary>The network configuration holds a value the plugin refuses.</summary>
        public const string InvalidConfig = "Plugin.InvalidConfig";

        /// <summary>The configuration's cniVersion is not one the plugin speaks, or too old for the command.</summary>
        public const string UnsupportedVersion = "Plugin.UnsupportedVersion";

        /// <summary>CNI_NETNS names a namespace that does not exist.</summary>
        public const string NetnsNotFound = "Plugin.NetnsNotFound";

        /// <summary>The node service could not be reached on its socket, or answered with a gRPC error.</summary>
        public const string ServiceUnavailable = "Plugin.ServiceUnavailable";

        /// <summary>The node service had no address for the pod (AddNetwork answered Success=false).</summary>
        public const string NoAddressAvailable = "Plugin.NoAddressAvailable";

        /// <summary>The node service refused to release an address (DelNetwork answered Success=false).</summary>
        public const string ReleaseRefused = "Plugin.ReleaseRefused";

        /// <summary>The node service's reply cannot be used (no address, an unparsable address).</summary>
        public const string InvalidServiceReply = "Plugin.InvalidServiceReply";

        /// <summary>Wiring the pod failed; the address was given back.</summary>
        public const string WiringFailed = "Plugin.WiringFailed";

        /// <summary>The network-policy agent could not be reached or refused to enforce policy on the pod.</summary>
        public const string NetworkPolicyFailed = "Plugin.NetworkPolicyFailed";

        /// <summary>CHECK found the pod's or the host's network different from prevResult.</summary>
        public const string CheckFailed = "Plugin.CheckFailed";

        /// <summary>The node service is not serving (STATUS).</summary>
        public const string NotReady = "Plugin.NotReady";

        /// <summary>GC could not list the service's allocations.</summary>
        public const string GcListingFailed = "Plugin.GcListingFailed";

        /// <summary>An unexpected failure inside the plugin.</summary>
        public const string Internal = "Plugin.Internal";
    }
}
