extern alias KubernetesClientFull;

using KubernetesClientFull::k8s.Models;
using VpcCni.Engine.Tests.Manifests.Models;

namespace VpcCni.Engine.Tests.Manifests;

/// <summary>The objects of <c>packaging/kubernetes/</c>, loaded once with the full client's typed models.</summary>
public static class PackagingManifests
{
    public static string Directory { get; } = Path.Combine(RepositoryFiles.Root, "packaging", "kubernetes");

    /// <summary>The manifest files (the kustomization is not a Kubernetes object).</summary>
    public static IReadOnlyList<string> Files { get; } = System.IO.Directory.EnumerateFiles(Directory, "*.yaml")
        .Where(f => Path.GetFileName(f) != "kustomization.yaml").Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<object> Objects { get; } = KubernetesManifests.LoadAll(Files);

    public static V1DaemonSet DaemonSet => Objects.OfType<V1DaemonSet>().Single();

    public static V1ClusterRole ClusterRole => Objects.OfType<V1ClusterRole>().Single();

    public static V1Role Role => Objects.OfType<V1Role>().Single();

    public static V1ServiceAccount ServiceAccount => Objects.OfType<V1ServiceAccount>().Single();

    public static V1ConfigMap ConfigMap => Objects.OfType<V1ConfigMap>().Single();

    public static V1CustomResourceDefinition Crd(string name) => Objects.OfType<V1CustomResourceDefinition>().Single(c => c.Metadata.Name == name);
}
