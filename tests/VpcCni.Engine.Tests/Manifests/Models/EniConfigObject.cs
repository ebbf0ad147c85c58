extern alias KubernetesClientFull;

using KubernetesClientFull::k8s;
using KubernetesClientFull::k8s.Models;

namespace VpcCni.Engine.Tests.Manifests.Models;

/// <summary>An ENIConfig as the full KubernetesClient's typed models read it (the fields of upstream <c>pkg/apis/crd/v1alpha1/eniconfig_types.go</c>).</summary>
public sealed class EniConfigObject : IKubernetesObject<V1ObjectMeta>
{
    public const string TypeKey = "crd.k8s.amazonaws.com/v1alpha1/ENIConfig";

    public string ApiVersion { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public V1ObjectMeta Metadata { get; set; } = new();

    public EniConfigSpecObject Spec { get; set; } = new();
}
