using VpcCni.Engine.Ipam;

namespace VpcCni.Service.Node;

/// <summary>
/// Whether the node can serve pods: initialisation has finished and the datastore holds at least one
/// free address. Read it from probes (<c>/readyz</c>); it costs one snapshot read, no lock.
/// </summary>
public sealed class NodeReadiness(IpamDatastore datastore)
{
    private NodeFacts? _facts;

    /// <summary>The facts node initialisation found; null until it has finished.</summary>
    public NodeFacts? Facts => Volatile.Read(ref _facts);

    /// <summary>Initialisation has finished: ENIs discovered, addresses added, checkpoint restored.</summary>
    public bool IsInitialized => Facts is not null;

    /// <summary>Initialised, and an AddNetwork now would get an address.</summary>
    public bool CanAssignAddress => IsInitialized && datastore.GetStats().Available > 0;

    internal void MarkInitialized(NodeFacts facts) => Volatile.Write(ref _facts, facts);
}
