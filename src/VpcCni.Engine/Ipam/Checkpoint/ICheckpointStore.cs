namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>
/// Where a datastore persists its assignments (a port: docs/architecture.md, "Ports and their adapters"). The real adapter is
/// <see cref="JsonFileCheckpointStore"/>; tests use stateful fakes.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>Reads the stored checkpoint, or null when none exists (a fresh node).</summary>
    Task<IpamCheckpoint?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the stored checkpoint; after success a crash never leaves a torn file.</summary>
    Task WriteAsync(IpamCheckpoint checkpoint, CancellationToken cancellationToken);
}
