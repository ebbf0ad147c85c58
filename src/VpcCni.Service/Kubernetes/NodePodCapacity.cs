using Microsoft.Extensions.Options;
using VpcCni.Service.Node;

namespace VpcCni.Service.Kubernetes;

/// <summary>
/// The node's pod capacity, which caps the pool (<see cref="Engine.Ipam.Planning.PoolLimits"/>): the
/// kubelet's <c>--max-pods</c> as its Node object reports it (<c>status.capacity.pods</c>), as upstream's
/// ipamd reads it at start (<c>pkg/ipamd/ipamd.go</c>, <c>maxPods</c> from the node's capacity); else
/// <see cref="NodeLoopOptions.MaxPods"/> (110), when the API is not used or has not answered yet. Read
/// on every tick, so a kubelet restarted with another <c>--max-pods</c> applies without a restart of ours.
/// </summary>
public sealed class NodePodCapacity(NodeKubernetes kubernetes, IOptions<NodeLoopOptions> options, IOptions<KubernetesApiOptions> api)
{
    /// <summary>
    /// Waits, at start, up to <see cref="KubernetesApiOptions.InitialSyncTimeout"/> for the first read
    /// of the Node object, so the first growth already respects its capacity; returns at once without the API.
    /// </summary>
    public async Task WaitForNodeAsync(CancellationToken cancellationToken)
    {
        if (kubernetes.Views is not { } views)
        {
            return;
        }

        kubernetes.EnsureStarted();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(api.Value.InitialSyncTimeout);
        try
        {
            await views.Node.WaitForSyncAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not read in time (an outage at start): NodeLoop:MaxPods until the view catches up.
        }
    }

    /// <summary>The capacity in force now.</summary>
    public int Current => kubernetes.Views?.NodeInfo?.PodCapacity is > 0 and var pods ? pods : options.Value.MaxPods;
}
