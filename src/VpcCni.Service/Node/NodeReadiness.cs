using Microsoft.Extensions.Options;
using VpcCni.Engine.Ipam;
using VpcCni.Service.Kubernetes;

namespace VpcCni.Service.Node;

/// <summary>
/// Whether the node can serve pods: initialisation has finished (when this host runs it) and the
/// datastore holds an address a pod could get right now, neither assigned nor cooling down. Probes
/// (<c>/readyz</c>) read it; it costs one read of the published snapshot, no lock. An unreachable
/// Kubernetes API does not make the node unready (it serves pods from what it has) but is said.
/// </summary>
public sealed class NodeReadiness(IpamDatastore datastore, IOptions<NodeLoopOptions> loop, NodeKubernetes? kubernetes = null)
{
    private NodeFacts? _facts;

    /// <summary>The facts node initialisation found; null until it has finished.</summary>
    public NodeFacts? Facts => Volatile.Read(ref _facts);

    /// <summary>Initialisation has finished: ENIs discovered, addresses added, checkpoint restored.</summary>
    public bool IsInitialized => Facts is not null;

    /// <summary>Initialised (or initialisation is not this host's job), and an AddNetwork now would get an address.</summary>
    public bool CanAssignAddress => Check().Ready;

    /// <summary>Ready, or the reason the node is not.</summary>
    public (bool Ready, string Reason) Check()
    {
        if (loop.Value.Enabled && !IsInitialized)
        {
            return (false, "node initialisation has not finished");
        }

        var stats = datastore.GetStats();
        var note = Degradation is { } degraded ? $"; {degraded}" : string.Empty;
        return stats.Available > 0
            ? (true, $"{stats.Available} addresses free{note}")
            : (false, $"no free address in the pool ({stats}){note}");
    }

    /// <summary>What a ready node serves from that is not current (the Kubernetes API is unreachable), or null.</summary>
    public string? Degradation => kubernetes?.Degradation();

    internal void MarkInitialized(NodeFacts facts) => Volatile.Write(ref _facts, facts);
}
