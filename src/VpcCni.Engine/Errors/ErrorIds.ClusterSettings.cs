namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>
    /// Changing the cluster-wide <c>kube-system/amazon-vpc-cni</c> ConfigMap (<c>NodeSettings/ClusterSettingsEditor</c>;
    /// docs/configuration.md, "Changing the cluster"). A change the service would reject is
    /// <see cref="Config.InvalidConfiguration"/> and an unknown name <see cref="NodeSettings.UnknownVariable"/>,
    /// as on the env-file path.
    /// </summary>
    public static class ClusterSettings
    {
        /// <summary>The variable names one node (MY_NODE_NAME, MY_POD_NAME): a cluster-wide value would give every node the same one.</summary>
        public const string NodeOnlyVariable = "ClusterSettings.NodeOnlyVariable";

        /// <summary>The ConfigMap changed between the read and the write twice in a row (409 Conflict after one retry).</summary>
        public const string Conflict = "ClusterSettings.Conflict";

        /// <summary>The Kubernetes API server did not answer, refused the credentials (PermissionDenied), or answered a ConfigMap request with an error.</summary>
        public const string RequestFailed = "ClusterSettings.RequestFailed";

        /// <summary>-Wait with -Cluster names no node to watch (-Endpoint, or a simulation piped in).</summary>
        public const string WaitNeedsEndpoint = "ClusterSettings.WaitNeedsEndpoint";
    }
}
