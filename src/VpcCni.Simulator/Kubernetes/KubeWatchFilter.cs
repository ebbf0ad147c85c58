using System.Text.Json.Nodes;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>What one list or watch asks for: a kind, optionally one namespace, and the two selectors.</summary>
/// <param name="ResourceType">The kind.</param>
/// <param name="Namespace">Null for all namespaces (and for cluster-scoped kinds).</param>
/// <param name="Labels">The parsed <c>labelSelector</c>.</param>
/// <param name="Fields">The parsed <c>fieldSelector</c>.</param>
public sealed record KubeWatchFilter(KubeResourceType ResourceType, string? Namespace, KubeSelector Labels, KubeSelector Fields)
{
    /// <summary>Every object of a kind.</summary>
    public static KubeWatchFilter All(KubeResourceType type, string? ns = null) => new(type, ns, KubeSelector.Everything, KubeSelector.Everything);

    public bool Matches(KubeResourceType type, JsonObject obj) =>
        type == ResourceType
        && (Namespace is null || (string?)obj["metadata"]?["namespace"] == Namespace)
        && Labels.Matches(obj)
        && Fields.Matches(obj);
}
