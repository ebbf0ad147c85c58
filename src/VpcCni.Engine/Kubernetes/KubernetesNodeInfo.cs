namespace VpcCni.Engine.Kubernetes;

/// <summary>What the node agent reads from its Node object.</summary>
/// <param name="Name">The Node's name.</param>
/// <param name="Labels">Its <c>metadata.labels</c> (the ENIConfig label, the zone).</param>
/// <param name="Annotations">Its <c>metadata.annotations</c> (the ENIConfig annotation).</param>
/// <param name="Taints">Its <c>spec.taints</c> as <c>key=value:effect</c>.</param>
/// <param name="PodCapacity">Its <c>status.capacity.pods</c> (the kubelet's max-pods), when reported.</param>
public sealed record KubernetesNodeInfo(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<string> Taints,
    int? PodCapacity);
