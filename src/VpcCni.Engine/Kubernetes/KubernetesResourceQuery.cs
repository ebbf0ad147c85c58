namespace VpcCni.Engine.Kubernetes;

/// <summary>What one view lists and watches.</summary>
/// <param name="Description">How logs name it, e.g. <c>configmap kube-system/amazon-vpc-cni</c>.</param>
/// <param name="CollectionPath">The collection's path under the server, e.g. <c>api/v1/pods</c>.</param>
/// <param name="FieldSelector">A <c>fieldSelector</c>, e.g. <c>spec.nodeName=ip-10-0-0-1</c>, or null.</param>
public sealed record KubernetesResourceQuery(string Description, string CollectionPath, string? FieldSelector = null)
{
    /// <summary>The list request, or the watch request from <paramref name="watchFrom"/> ending server-side after <paramref name="watchTimeout"/>.</summary>
    public string RelativeUri(string? watchFrom = null, TimeSpan? watchTimeout = null)
    {
        var query = new List<string>();
        if (FieldSelector is not null)
        {
            query.Add("fieldSelector=" + Uri.EscapeDataString(FieldSelector));
        }

        if (watchFrom is not null)
        {
            query.Add("watch=1");
            query.Add("resourceVersion=" + Uri.EscapeDataString(watchFrom));
            query.Add("allowWatchBookmarks=true");
            if (watchTimeout is { } timeout)
            {
                query.Add("timeoutSeconds=" + (long)Math.Max(1, timeout.TotalSeconds));
            }
        }

        return query.Count == 0 ? CollectionPath : $"{CollectionPath}?{string.Join('&', query)}";
    }
}
