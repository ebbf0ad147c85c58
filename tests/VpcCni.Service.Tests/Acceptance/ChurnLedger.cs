using System.Net;

namespace VpcCni.Service.Tests.Acceptance;

/// <summary>
/// What the callers of a churn were told, checked as the answers come: an address is never held by two live
/// pods, a repeated ADD returns the address the pod holds, a DEL releases exactly that address (and nothing
/// for a pod already deleted). Broken rules are collected, not thrown, so one run reports all of them.
/// </summary>
internal sealed class ChurnLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IPAddress> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<IPAddress, string> _holders = [];
    private readonly List<string> _violations = [];

    public int LiveCount
    {
        get
        {
            lock (_gate)
            {
                return _live.Count;
            }
        }
    }

    public IReadOnlyDictionary<string, IPAddress> Live
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, IPAddress>(_live, StringComparer.Ordinal);
            }
        }
    }

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

    /// <summary>An ADD for <paramref name="pod"/> answered <paramref name="address"/>.</summary>
    public void Added(string pod, IPAddress address)
    {
        lock (_gate)
        {
            if (_live.TryGetValue(pod, out var held))
            {
                if (!held.Equals(address))
                {
                    _violations.Add($"a repeated ADD for {pod} answered {address}, but it holds {held}");
                }

                return;
            }

            if (_holders.TryGetValue(address, out var other))
            {
                _violations.Add($"{address} was handed to {pod} while {other} holds it");
                return;
            }

            _live[pod] = address;
            _holders[address] = pod;
        }
    }

    /// <summary>A DEL for <paramref name="pod"/> answered that it released <paramref name="released"/> (null: nothing).</summary>
    public void Deleted(string pod, IPAddress? released)
    {
        lock (_gate)
        {
            if (!_live.Remove(pod, out var held))
            {
                if (released is not null)
                {
                    _violations.Add($"a DEL for {pod}, already deleted, released {released}");
                }

                return;
            }

            _holders.Remove(held);
            if (!held.Equals(released))
            {
                _violations.Add($"the DEL for {pod} released {released?.ToString() ?? "nothing"}, but it held {held}");
            }
        }
    }
}
