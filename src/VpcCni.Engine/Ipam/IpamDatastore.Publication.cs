namespace VpcCni.Engine.Ipam;

/// <summary>
/// What readers see. Every change is made under the write lock and, once durable, published as an
/// immutable snapshot through one volatile reference, so introspection, metrics and the planner
/// never wait for a checkpoint fsync and never block a pod ADD.
/// </summary>
public sealed partial class IpamDatastore
{
    private volatile Publication _published;

    /// <summary>
    /// The last published state, with cooldown evaluated now. Never waits for a writer: while a change
    /// is being checkpointed, readers see the state before it.
    /// </summary>
    public DatastoreSnapshot Snapshot() => _published.Snapshot.At(_time.GetUtcNow());

    /// <summary>Counters of the current mode from the last published state, with cooldown evaluated now.</summary>
    public IpamStats GetStats() => Snapshot().Stats;

    /// <summary>The published assignment of <paramref name="key"/>, or null.</summary>
    public IpAssignment? FindAssignment(IpamKey key) =>
        _published.Assignments.TryGetValue(key, out var held) ? held : null;

    /// <summary>Publishes the current state; the caller holds the write lock and the change is durable.</summary>
    private void PublishUnsafe()
    {
        var assignments = _byKey.ToDictionary(p => p.Key, p => ToAssignment(p.Value.Eni, p.Value.Address, wasAlreadyAssigned: true));
        _published = new Publication(SnapshotUnsafe(_time.GetUtcNow()), assignments);
    }

    private sealed record Publication(DatastoreSnapshot Snapshot, IReadOnlyDictionary<IpamKey, IpAssignment> Assignments);
}
