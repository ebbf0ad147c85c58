namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>The Kubernetes API client: its configuration and what it has (not yet) read.</summary>
    public static class Kubernetes
    {
        /// <summary>The kubeconfig (or the in-cluster service account) cannot be read or names no usable cluster; the message says which file and why.</summary>
        public const string InvalidKubeconfig = "Kubernetes.InvalidKubeconfig";

        /// <summary>The views need this node's name (<c>MY_NODE_NAME</c>) to select its Node and pods, and none is set.</summary>
        public const string NoNodeName = "Kubernetes.NoNodeName";

        /// <summary>A view has not completed its first list yet (the API server has not been reachable since start), so it has nothing to answer from.</summary>
        public const string NotSynced = "Kubernetes.NotSynced";
    }
}
