using VpcCni.Service.Tests.Kubernetes;

namespace VpcCni.Service.Tests.Cluster;

/// <summary>Pods on <see cref="ClusterNode.NodeName"/> for the loopback API server.</summary>
internal static class ClusterPods
{
    /// <summary>Pod <paramref name="ns"/>/<paramref name="name"/> scheduled on this node, with <paramref name="annotations"/> (a YAML flow mapping).</summary>
    public static string Manifest(string ns, string name, string annotations = "{}") => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: {{ns}}
          annotations: {{annotations}}
        spec:
          nodeName: {{ClusterNode.NodeName}}
        ---

        """;
}
