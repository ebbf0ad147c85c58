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
    }
}
