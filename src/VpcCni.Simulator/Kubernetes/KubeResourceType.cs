namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// One kind the loopback API server serves, as discovery describes it (Kubernetes API concepts,
/// "Standard API terminology": group, version, resource, kind, scope).
/// </summary>
/// <param name="Group">The API group; empty for the core group (<c>/api/v1</c>).</param>
/// <param name="Version">The group version, e.g. <c>v1</c> or <c>v1alpha1</c>.</param>
/// <param name="Plural">The resource name in paths, e.g. <c>configmaps</c>.</param>
/// <param name="Kind">The object kind, e.g. <c>ConfigMap</c>.</param>
/// <param name="Namespaced">Whether objects live in a namespace.</param>
public sealed record KubeResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary><c>v1</c> for the core group, otherwise <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The kind of a list of these objects, e.g. <c>ConfigMapList</c>.</summary>
    public string ListKind => Kind + "List";

    /// <summary>The singular resource name discovery reports (lower-case kind).</summary>
    public string Singular => Kind.ToLowerInvariant();
}
