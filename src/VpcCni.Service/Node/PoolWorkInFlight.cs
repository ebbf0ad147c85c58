using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Service.Metrics;

namespace VpcCni.Service.Node;

/// <summary>
/// The plan executions the pool loop has started and not yet collected, and the grow actions among
/// them that have not finished, which the next plan counts as <see cref="PendingGrowth"/>. Each
/// finished action tells the waiting AddNetwork calls (<see cref="PoolDemand.PoolChanged"/>).
/// Start and collect are called from the loop only; outcomes arrive from the executions.
/// </summary>
internal sealed class PoolWorkInFlight(PoolDemand demand) : IProgress<PoolActionOutcome>
{
    private readonly Lock _gate = new();
    private readonly List<PoolAction> _unfinished = [];
    private readonly List<Running> _running = [];

    /// <summary>Nothing started is left to collect.</summary>
    public bool IsEmpty => _running.Count == 0;

    /// <summary>The executions still to collect, to wait on.</summary>
    public IEnumerable<Task> Executions => _running.Select(r => (Task)r.Execution);

    /// <summary>The grow actions started and not finished.</summary>
    public PendingGrowth Pending
    {
        get
        {
            lock (_gate)
            {
                return PendingGrowth.Of(_unfinished);
            }
        }
    }

    public void Start(PoolPlan plan, PoolActionExecutor executor, INodeMetrics metrics, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _unfinished.AddRange(plan.Actions);
        }

        _running.Add(new Running(plan, now, ExecuteAsync(plan, executor, metrics, cancellationToken)));
    }

    /// <summary>
    /// The executions that have finished, with when they started. An execution that threw (cancellation
    /// at shutdown, an unexpected error) rethrows here, as it did when the loop awaited it.
    /// </summary>
    public async Task<IReadOnlyList<(DateTimeOffset StartedAt, PoolExecutionResult Result)>> CollectAsync()
    {
        var done = _running.Where(r => r.Execution.IsCompleted).ToArray();
        var results = new List<(DateTimeOffset, PoolExecutionResult)>(done.Length);
        foreach (var run in done)
        {
            _running.Remove(run);
            lock (_gate)
            {
                // An execution that threw did not report every action.
                foreach (var action in run.Plan.Actions)
                {
                    RemoveUnfinished(action);
                }
            }

            results.Add((run.StartedAt, await run.Execution.ConfigureAwait(false)));
        }

        return results;
    }

    private async Task<PoolExecutionResult> ExecuteAsync(PoolPlan plan, PoolActionExecutor executor, INodeMetrics metrics, CancellationToken cancellationToken)
    {
        PoolExecutionResult result;
        using (metrics.PoolActionsInProgress(plan))
        {
            result = await executor.ExecuteAsync(plan, this, cancellationToken).ConfigureAwait(false);
        }

        metrics.PoolActionsDone(result);
        return result;
    }

    void IProgress<PoolActionOutcome>.Report(PoolActionOutcome value)
    {
        lock (_gate)
        {
            RemoveUnfinished(value.Action);
        }

        demand.PoolChanged();
    }

    private void RemoveUnfinished(PoolAction action)
    {
        // By reference: two plans may hold equal actions (records compare by value).
        var index = _unfinished.FindIndex(a => ReferenceEquals(a, action));
        if (index >= 0)
        {
            _unfinished.RemoveAt(index);
        }
    }

    private sealed record Running(PoolPlan Plan, DateTimeOffset StartedAt, Task<PoolExecutionResult> Execution);
}
