namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>
    /// Security groups for pods: SecurityGroupPolicy objects, which of them select a pod, and the
    /// branch ENI the resource controller gives it (docs/security-groups-for-pods.md).
    /// </summary>
    public static class SecurityGroupPolicy
    {
        /// <summary>A SecurityGroupPolicy manifest could not be read or is not a <c>vpcresources.k8s.aws/v1beta1</c> SecurityGroupPolicy.</summary>
        public const string InvalidManifest = "SecurityGroupPolicy.InvalidManifest";

        /// <summary>
        /// The pod's <c>vpc.amazonaws.com/pod-eni</c> annotation is not the JSON array the resource
        /// controller writes, or its first entry lacks an address, a MAC, a VLAN id or a subnet CIDR.
        /// </summary>
        public const string InvalidPodEniAnnotation = "SecurityGroupPolicy.InvalidPodEniAnnotation";

        /// <summary>The pod has no <c>vpc.amazonaws.com/pod-eni</c> annotation: the resource controller has not given it a branch ENI (yet).</summary>
        public const string NoBranchEni = "SecurityGroupPolicy.NoBranchEni";

        /// <summary>A branch-ENI pod needs the node's trunk ENI, which is not attached (or its host link not found) yet.</summary>
        public const string NoTrunkEni = "SecurityGroupPolicy.NoTrunkEni";

        /// <summary>DelNetwork named a pod UID that is not the UID of the pod of that name: a newer pod owns the branch ENI now.</summary>
        public const string PodUidMismatch = "SecurityGroupPolicy.PodUidMismatch";

        /// <summary>The pod to evaluate does not exist in the cluster.</summary>
        public const string PodNotFound = "SecurityGroupPolicy.PodNotFound";

        /// <summary>The Kubernetes API server did not answer, refused the credentials (PermissionDenied), or answered with an error.</summary>
        public const string ClusterRequestFailed = "SecurityGroupPolicy.ClusterRequestFailed";
    }
}
