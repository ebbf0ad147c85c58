using System.Text.Json.Serialization;

namespace VpcCni.Plugin.Cni;

/// <summary><c>runtimeConfig</c>: the pod's annotations, as containerd passes them (upstream <c>RuntimeConfig</c>).</summary>
public sealed record RuntimeConfigDocument
{
    [JsonPropertyName("io.kubernetes.cri.pod-annotations")]
    public IReadOnlyDictionary<string, string>? PodAnnotations { get; init; }
}
