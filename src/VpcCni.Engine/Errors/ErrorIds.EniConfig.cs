namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>
    /// Managing ENIConfig objects (<c>crd.k8s.amazonaws.com/v1alpha1</c>) from the module; reading them
    /// for the node is <see cref="CustomNetworking"/>.
    /// </summary>
    public static class EniConfig
    {
        /// <summary>A subnet map entry is not an availability zone name mapped to a <c>subnet-…</c> id.</summary>
        public const string InvalidSubnetMap = "EniConfig.InvalidSubnetMap";

        /// <summary>A security group id is not <c>sg-…</c>.</summary>
        public const string InvalidSecurityGroup = "EniConfig.InvalidSecurityGroup";

        /// <summary>An ENIConfig name is not a DNS subdomain name (Kubernetes object names).</summary>
        public const string InvalidName = "EniConfig.InvalidName";

        /// <summary>The ENIConfig to create exists already.</summary>
        public const string AlreadyExists = "EniConfig.AlreadyExists";

        /// <summary>The ENIConfig to read, change or remove does not exist.</summary>
        public const string NotFound = "EniConfig.NotFound";

        /// <summary>The YAML could not be written to the output path.</summary>
        public const string OutputFailed = "EniConfig.OutputFailed";

        /// <summary>The Kubernetes API server did not answer, refused the credentials (PermissionDenied), or answered an ENIConfig request with an error.</summary>
        public const string ClusterRequestFailed = "EniConfig.ClusterRequestFailed";
    }
}
