using VpcCni.Engine.Ipam.Checkpoint;

namespace VpcCni.Engine.Tests.Ipam.Fakes;

/// <summary>
/// A checkpoint store whose writes can be held open, standing in for a slow fsync: while held, a
/// write signals <see cref="WriteStarted"/> and waits until the test completes or fails it.
/// </summary>
internal sealed class GatedCheckpointStore : ICheckpointStore
{
    private TaskCompletionSource? _gate;

    /// <summary>The last successfully written checkpoint.</summary>
    public IpamCheckpoint? Current { get; private set; }

    /// <summary>Completes when a held write has started.</summary>
    public TaskCompletionSource WriteStarted { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<IpamCheckpoint?> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Current);

    public async Task WriteAsync(IpamCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (_gate is { } gate)
        {
            WriteStarted.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
        }

        Current = checkpoint;
    }

    /// <summary>Makes the next writes wait until <see cref="Release"/> or <see cref="Fail"/>.</summary>
    public void Hold()
    {
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        WriteStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release()
    {
        var gate = _gate;
        _gate = null;
        gate?.TrySetResult();
    }

    public void Fail(Exception error)
    {
        var gate = _gate;
        _gate = null;
        gate?.TrySetException(error);
    }
}
