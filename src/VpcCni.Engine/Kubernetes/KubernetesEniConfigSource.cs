using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Placement;

namespace VpcCni.Engine.Kubernetes;

/// <summary>
/// <see cref="IEniConfigSource"/> over the cluster: the ENIConfig objects and this node's labels and
/// annotations, as the views last saw them (upstream <c>pkg/eniconfig/eniconfig.go</c> reads the same
/// through its cache). An edit of an ENIConfig or of the node's labels applies to the next ENI.
/// While the API server is unreachable the last state seen keeps serving; before the first list
/// there is none, and placement fails with <see cref="ErrorIds.Kubernetes.NotSynced"/> until there is.
/// </summary>
public sealed class KubernetesEniConfigSource(KubernetesNodeViews views) : IEniConfigSource
{
    public async Task<EniConfig?> GetAsync(string name, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    public Task<IReadOnlyList<EniConfig>> ListAsync(CancellationToken cancellationToken)
    {
        RequireSynced(views.EniConfigs, "ENIConfigs");
        return Task.FromResult(views.EniConfigList);
    }

    public Task<NodeObjectMetadata> GetNodeAsync(CancellationToken cancellationToken)
    {
        RequireSynced(views.Node, "this node's Node object");
        return Task.FromResult(views.NodeInfo is { } node ? new NodeObjectMetadata(node.Labels, node.Annotations) : NodeObjectMetadata.Empty);
    }

    private static void RequireSynced(KubernetesResourceCache cache, string what)
    {
        if (!cache.State.Synced)
        {
            throw new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.Kubernetes.NotSynced,
                $"Custom networking needs {what} from the Kubernetes API server, which has not answered yet ({cache.State.LastError ?? "no answer"}).");
        }
    }
}
