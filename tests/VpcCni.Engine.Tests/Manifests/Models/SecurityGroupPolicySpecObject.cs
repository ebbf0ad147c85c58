extern alias KubernetesClientFull;

using KubernetesClientFull::k8s.Models;

namespace VpcCni.Engine.Tests.Manifests.Models;

/// <summary>A SecurityGroupPolicy's <c>spec</c>: the two selectors are Kubernetes' own label selector type.</summary>
public sealed class SecurityGroupPolicySpecObject
{
    public V1LabelSelector? PodSelector { get; set; }

    public V1LabelSelector? ServiceAccountSelector { get; set; }

    public SecurityGroupIdsObject? SecurityGroups { get; set; }
}
