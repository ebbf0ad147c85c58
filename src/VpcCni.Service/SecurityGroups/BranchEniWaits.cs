using System.Collections.Concurrent;

namespace VpcCni.Service.SecurityGroups;

/// <summary>
/// How long each branch-ENI pod waits at this node for its branch ENI: from the first AddNetwork the
/// node had to refuse (no annotation yet, no trunk yet) to the one it answers, the wait the kubelet's
/// retries hide. <c>awscni_pod_eni_allocation_duration_seconds</c> observes it (docs/service.md, "Metrics").
/// </summary>
internal sealed class BranchEniWaits(TimeProvider time)
{
    /// <summary>A pod refused for longer is not waiting any more (deleted, or moved to another node): its start is dropped.</summary>
    private static readonly TimeSpan Forgotten = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<(string Namespace, string Name), DateTimeOffset> _firstRefusal = new();

    /// <summary>The node refused the pod an AddNetwork that arrived at <paramref name="arrived"/>; the first refusal starts its wait.</summary>
    public void Refused(string podNamespace, string podName, DateTimeOffset arrived)
    {
        foreach (var stale in _firstRefusal.Where(p => arrived - p.Value > Forgotten))
        {
            _firstRefusal.TryRemove(stale);
        }

        _firstRefusal.TryAdd((podNamespace, podName), arrived);
    }

    /// <summary>The pod got its branch ENI in a call that arrived at <paramref name="arrived"/>: its wait from the first refusal, or this call's own time.</summary>
    public TimeSpan Answered(string podNamespace, string podName, DateTimeOffset arrived)
    {
        var start = _firstRefusal.TryRemove((podNamespace, podName), out var first) && first < arrived ? first : arrived;
        return time.GetUtcNow() - start;
    }

    /// <summary>The pod's sandbox is gone (DelNetwork): a later sandbox starts a new wait.</summary>
    public void Forget(string podNamespace, string podName) => _firstRefusal.TryRemove((podNamespace, podName), out _);
}
