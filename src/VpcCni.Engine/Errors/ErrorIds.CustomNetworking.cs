namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Custom networking: the node's ENIConfig and where it comes from.</summary>
    public static class CustomNetworking
    {
        /// <summary>
        /// The ENIConfig the node's labels and annotations name does not exist (upstream
        /// <c>pkg/eniconfig/eniconfig.go</c> <c>ErrNoENIConfig</c>); no ENI is created until it does.
        /// </summary>
        public const string NoEniConfig = "CustomNetworking.NoEniConfig";

        /// <summary>An ENIConfig manifest could not be read or is not an ENIConfig of <c>crd.k8s.amazonaws.com/v1alpha1</c>.</summary>
        public const string InvalidEniConfig = "CustomNetworking.InvalidEniConfig";
    }
}
