namespace VpcCni.Service.Node;

/// <summary>
/// The loop's tick also comes when the node is cordoned or uncordoned (<see cref="Cluster.NodeSchedulability"/>),
/// so growth resumes at the watch event rather than at the next interval.
/// </summary>
internal sealed partial class WarmPoolLoop
{
    // PeriodicTimer allows one pending wait at a time: a wait the change beat is kept for the next tick.
    private Task<bool>? _timerTick;

    /// <summary>True at the timer's next tick or at <paramref name="nodeChanged"/>, whichever is first; false once the timer is disposed.</summary>
    private async Task<bool> NextTickAsync(PeriodicTimer timer, Task nodeChanged, CancellationToken cancellationToken)
    {
        _timerTick ??= timer.WaitForNextTickAsync(cancellationToken).AsTask();
        if (await Task.WhenAny(_timerTick, nodeChanged).ConfigureAwait(false) == nodeChanged && !_timerTick.IsCompleted)
        {
            return true;
        }

        var ticked = await _timerTick.ConfigureAwait(false);
        _timerTick = null;
        return ticked;
    }
}
