using VpcCni.Engine.Ipam.Checkpoint;

namespace VpcCni.Engine.Tests.Ipam.Fakes;

/// <summary>A checkpoint store in memory that can be told to fail its writes, keeping what it last stored.</summary>
internal sealed class InMemoryCheckpointStore : ICheckpointStore
{
    public InMemoryCheckpointStore(IpamCheckpoint? initial = null) => Current = initial;

    /// <summary>The last successfully written (or initial) checkpoint.</summary>
    public IpamCheckpoint? Current { get; private set; }

    public int Writes { get; private set; }

    public int FailedWrites { get; private set; }

    /// <summary>While true every write throws an IOException and leaves <see cref="Current"/> alone.</summary>
    public bool FailWrites { get; set; }

    public Task<IpamCheckpoint?> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Current);

    public Task WriteAsync(IpamCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (FailWrites)
        {
            FailedWrites++;
            throw new IOException("No space left on device");
        }

        Writes++;
        Current = checkpoint;
        return Task.CompletedTask;
    }
}
