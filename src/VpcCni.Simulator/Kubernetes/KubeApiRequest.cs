namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// A resource path taken apart: <c>/api/v1[/namespaces/{ns}]/{plural}[/{name}[/status]]</c> or
/// <c>/apis/{group}/{version}[/namespaces/{ns}]/{plural}[/{name}[/status]]</c>.
/// </summary>
/// <param name="ResourceType">The kind the path names.</param>
/// <param name="Namespace">The namespace segment, or null.</param>
/// <param name="Name">The object name, or null for the collection.</param>
internal sealed record KubeApiRequest(KubeResourceType ResourceType, string? Namespace, string? Name)
{
    /// <summary>The request the path names, or null when it names no served resource.</summary>
    public static KubeApiRequest? Parse(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        (string Group, string Version, string[] Tail) parts = segments switch
        {
            ["api", var v, .. var tail] => ("", v, tail),
            ["apis", var g, var v, .. var tail] => (g, v, tail),
            _ => ("", "", []),
        };
        var rest = parts.Tail;
        string? ns = null;
        if (rest is ["namespaces", var named, _, ..])
        {
            ns = named;
            rest = rest[2..];
        }

        if (rest.Length is 0 or > 3 || (rest.Length == 3 && rest[2] != "status"))
        {
            return null;
        }

        var type = KubeResourceCatalog.ByPath(parts.Group, parts.Version, rest[0]);
        if (type is null || (ns is not null && !type.Namespaced))
        {
            return null;
        }

        return new KubeApiRequest(type, ns, rest.Length > 1 ? rest[1] : null);
    }
}
