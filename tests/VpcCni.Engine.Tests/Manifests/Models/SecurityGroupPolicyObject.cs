extern alias KubernetesClientFull;

using KubernetesClientFull::k8s;
using KubernetesClientFull::k8s.Models;

namespace VpcCni.Engine.Tests.Manifests.Models;

/// <summary>A SecurityGroupPolicy as the full KubernetesClient's typed models read it (upstream amazon-vpc-resource-controller-k8s <c>apis/vpcresources/v1beta1/securitygrouppolicy_types.go</c>).</summary>
public sealed class SecurityGroupPolicyObject : IKubernetesObject<V1ObjectMeta>
{
    public const string TypeKey = "vpcresources.k8s.aws/v1beta1/SecurityGroupPolicy";

    public string ApiVersion { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public V1ObjectMeta Metadata { get; set; } = new();

    public SecurityGroupPolicySpecObject Spec { get; set; } = new();
}
