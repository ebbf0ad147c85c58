namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Ids raised while the node service initialises the node (instance facts, attached ENIs).</summary>
    public static class Node
    {
        /// <summary>Instance metadata lacks a fact the node cannot start without (instance id, type or primary MAC).</summary>
        public const string InstanceIdentityMissing = "Node.InstanceIdentityMissing";

        /// <summary>Neither instance metadata nor EC2 shows the instance's primary ENI.</summary>
        public const string PrimaryEniMissing = "Node.PrimaryEniMissing";

        /// <summary>The node-wide host network (kernel settings, rules 1024 and 1535, SNAT and connmark) could not be set up.</summary>
        public const string HostNetworkSetupFailed = "Node.HostNetworkSetupFailed";

        /// <summary>The host rules 512 and 1536 of the pods restored from the checkpoint could not be rewritten.</summary>
        public const string PodRulesRewriteFailed = "Node.PodRulesRewriteFailed";
    }
}
