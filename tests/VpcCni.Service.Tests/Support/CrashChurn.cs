using Grpc.Core;
using VpcCni.Engine.Ipam.Checkpoint;
using VpcCni.Engine.Rpc;

namespace VpcCni.Service.Tests.Support;

/// <summary>
/// Pod churn over the IPAM socket that survives the service being killed under it, and the client's
/// ledger of what it was told: pods whose ADD was answered and not deleted (live), pods whose DEL was
/// answered (deleted), and calls that were sent but never answered because the process died (in
/// flight: either outcome is allowed). A seeded <see cref="Random"/> picks each next step, so a failing
/// seed can be replayed. Every container id is used once.
/// </summary>
public sealed class CrashChurn
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly Dictionary<string, string> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _deleting = new(StringComparer.Ordinal);
    private readonly HashSet<string> _adding = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);
    private readonly List<string> _violations = [];
    private int _next;

    public CrashChurn(int seed) => _random = new Random(seed);

    public int Adds { get; private set; }

    public int Deletes { get; private set; }

    /// <summary>ADDs answered <c>Success=false</c> (empty pool); the churn simply tries something else.</summary>
    public int EmptyPoolReplies { get; private set; }

    /// <summary>Acknowledged pods that were not deleted: container id → address.</summary>
    public Dictionary<string, string> Live
    {
        get
        {
            lock (_gate)
            {
                return new(_live, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>What the service told the client that contradicts itself (two live pods on one address, a DEL of a live pod finding nothing).</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="workers"/> concurrent callers until <paramref name="stop"/> is cancelled or
    /// the service stops answering. The pod count wanders around <paramref name="targetPods"/>. A call
    /// already sent is never cancelled: its answer, or the service's death, decides its outcome.
    /// </summary>
    public Task RunAsync(CNIBackend.CNIBackendClient client, int workers, int targetPods, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(client, targetPods, stop), CancellationToken.None)));

    /// <summary>
    /// Checks a checkpoint left by a killed process against the ledger and settles the calls in flight
    /// from it: an in-flight ADD in the file happened, one not in it did not; likewise for DEL. Returns
    /// every broken promise: an acknowledged pod missing or moved, a deleted pod back, an unknown entry,
    /// an address held twice.
    /// </summary>
    public IReadOnlyList<string> SettleFromCheckpoint(IpamCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var problems = new List<string>();
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var allocation in checkpoint.Allocations)
        {
            if (!entries.TryAdd(allocation.ContainerId ?? string.Empty, allocation.Ipv4 ?? string.Empty))
            {
                problems.Add($"{allocation.ContainerId} appears twice in the checkpoint");
            }
        }

        foreach (var address in entries.GroupBy(e => e.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{address.Key} is held by {string.Join(" and ", address.Select(e => e.Key))} in the checkpoint");
        }

        lock (_gate)
        {
            foreach (var (id, address) in _live)
            {
                if (!entries.TryGetValue(id, out var written))
                {
                    problems.Add($"acknowledged pod {id} ({address}) is missing from the checkpoint");
                }
                else if (written != address)
                {
                    problems.Add($"acknowledged pod {id} had {address}, the checkpoint says {written}");
                }
            }

            foreach (var (id, written) in entries)
            {
                if (_deleted.Contains(id))
                {
                    problems.Add($"pod {id}, whose DEL was answered, is back in the checkpoint with {written}");
                }
                else if (_adding.Remove(id))
                {
                    _live[id] = written;
                }
                else if (_deleting.Remove(id, out var address))
                {
                    _live[id] = address;
                    if (address != written)
                    {
                        problems.Add($"pod {id} being deleted had {address}, the checkpoint says {written}");
                    }
                }
                else if (!_live.ContainsKey(id))
                {
                    problems.Add($"the checkpoint holds {id} ({written}), which the client never added");
                }
            }

            // What is still in flight did not make it to the file before the process died.
            _deleted.UnionWith(_deleting.Keys);
            _deleting.Clear();
            _adding.Clear();
        }

        return problems;
    }

    /// <summary>
    /// After a restart: the service's pods (<paramref name="pods"/>, its introspection view) are exactly
    /// the live ones, and repeating each live pod's ADD returns the address it was first given.
    /// </summary>
    public async Task<IReadOnlyList<string>> VerifyRestoredAsync(CNIBackend.CNIBackendClient client, IReadOnlyDictionary<string, string> pods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(pods);
        var live = Live;
        var problems = new List<string>();
        problems.AddRange(pods.Where(p => !live.ContainsKey(p.Key)).Select(p => $"the restarted service has {p.Key} ({p.Value}), which is not live"));
        problems.AddRange(live.Where(p => pods.GetValueOrDefault(p.Key) != p.Value)
            .Select(p => $"live pod {p.Key} ({p.Value}) is {(pods.TryGetValue(p.Key, out var a) ? "at " + a : "missing")} after the restart"));
        foreach (var (id, address) in live)
        {
            var reply = await client.AddNetworkAsync(ServiceHarness.AddRequest(id), cancellationToken: cancellationToken);
            var again = reply.Success ? reply.IPAllocationMetadata.Single().IPv4Addr : "no address";
            if (again != address)
            {
                problems.Add($"repeating the ADD of {id} gave {again}, not {address}");
            }
        }

        return problems;
    }

    private async Task WorkAsync(CNIBackend.CNIBackendClient client, int targetPods, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var (add, id, expected) = NextStep(targetPods);
            try
            {
                if (add)
                {
                    var reply = await client.AddNetworkAsync(ServiceHarness.AddRequest(id), cancellationToken: CancellationToken.None);
                    Added(id, reply);
                    if (!reply.Success)
                    {
                        // As the kubelet backs off before it retries a failed ADD.
                        await Task.Delay(50, CancellationToken.None);
                    }
                }
                else
                {
                    var reply = await client.DelNetworkAsync(ServiceHarness.DelRequest(id), cancellationToken: CancellationToken.None);
                    Deleted(id, expected!, reply);
                }
            }
            catch (RpcException)
            {
                // The service is gone (killed, or stopping): the call stays in flight in the ledger.
                return;
            }
        }
    }

    private (bool Add, string Id, string? Address) NextStep(int targetPods)
    {
        lock (_gate)
        {
            var wantAdd = _live.Count == 0 || _random.NextDouble() < (_live.Count < targetPods ? 0.85 : 0.25);
            if (wantAdd)
            {
                var id = $"churn-{_next++}";
                _adding.Add(id);
                return (true, id, null);
            }

            var victim = _live.Keys.ElementAt(_random.Next(_live.Count));
            var address = _live[victim];
            _live.Remove(victim);
            _deleting[victim] = address;
            return (false, victim, address);
        }
    }

    private void Added(string id, AddNetworkReply reply)
    {
        lock (_gate)
        {
            _adding.Remove(id);
            if (!reply.Success)
            {
                EmptyPoolReplies++;
                return;
            }

            var address = reply.IPAllocationMetadata.Single().IPv4Addr;
            foreach (var (other, held) in _live)
            {
                if (held == address)
                {
                    _violations.Add($"{id} was given {address}, which live pod {other} holds");
                }
            }

            _live[id] = address;
            Adds++;
        }
    }

    private void Deleted(string id, string expected, DelNetworkReply reply)
    {
        lock (_gate)
        {
            _deleting.Remove(id);
            _deleted.Add(id);
            Deletes++;
            var released = reply.IPAllocationMetadata.Select(m => m.IPv4Addr).SingleOrDefault();
            if (released != expected)
            {
                _violations.Add($"DEL of live pod {id} ({expected}) released {released ?? "nothing"}");
            }
        }
    }
}
