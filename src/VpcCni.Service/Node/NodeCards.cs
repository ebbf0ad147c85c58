namespace VpcCni.Service.Node;

/// <summary>
/// The pools of network cards above 0, filled by node initialisation when <c>ENABLE_MULTI_NIC</c> is
/// on and the instance type has several cards; the pool loop ticks them and introspection shows them.
/// Card 0's datastore is the host's own <see cref="Engine.Ipam.IpamDatastore"/> singleton.
/// </summary>
internal sealed class NodeCards : IDisposable
{
    /// <summary>Cards 1 and up that the node manages, in card order; empty on single-card types.</summary>
    public IReadOnlyList<NodeCard> Secondary { get; private set; } = [];

    public void Set(IReadOnlyList<NodeCard> cards) => Secondary = cards;

    public void Dispose()
    {
        foreach (var card in Secondary)
        {
            card.Datastore.Dispose();
        }
    }
}
