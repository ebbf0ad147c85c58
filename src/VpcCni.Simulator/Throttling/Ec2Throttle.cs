using VpcCni.Simulator.Ec2;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Throttling;

/// <summary>Token buckets per action (plus the "unfiltered and unpaginated" ones), configured from the scenario (EC2 API Reference, "Request throttling for the Amazon EC2 API").</summary>
internal sealed class Ec2Throttle(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private ScenarioThrottling _settings = new();

    public void Configure(ScenarioThrottling settings)
    {
        lock (_gate)
        {
            _settings = settings;
            _buckets.Clear();
        }
    }

    /// <summary>True when the request may proceed; false means answer RequestLimitExceeded.</summary>
    public bool TryTake(Ec2Action action, Ec2QueryRequest request)
    {
        lock (_gate)
        {
            return !_settings.Enabled || Bucket(action, IsUnfiltered(action, request)).TryTake();
        }
    }

    /// <summary>Empties an action's buckets, so its next request is throttled (for tests and the control endpoint).</summary>
    public void Drain(string action)
    {
        lock (_gate)
        {
            if (Ec2ActionRegistry.Find(action) is { } a)
            {
                Bucket(a, false).Drain();
                if (a.HasUnfilteredBucket)
                {
                    Bucket(a, true).Drain();
                }
            }
        }
    }

    private bool IsUnfiltered(Ec2Action action, Ec2QueryRequest request)
    {
        if (!action.HasUnfilteredBucket || request.HasPrefix("Filter") || request.Has("MaxResults") || request.Has("NextToken"))
        {
            return false;
        }

        var hasIds = request.HasPrefix("NetworkInterfaceId") || request.HasPrefix("InstanceId") || request.HasPrefix("GroupId");
        return !hasIds || _settings.IdsOnlyCountsAsUnfiltered;
    }

    private TokenBucket Bucket(Ec2Action action, bool unfiltered)
    {
        var key = unfiltered ? action.Name + "/unfiltered" : action.Name;
        if (_buckets.TryGetValue(key, out var bucket))
        {
            return bucket;
        }

        var (capacity, rate) = _settings.Overrides.TryGetValue(action.Name, out var o)
            ? (o.Capacity, o.RefillPerSecond)
            : unfiltered ? (50.0, 10.0) : action.Throttle switch
            {
                Ec2ThrottleClass.NonMutating => (100.0, 20.0),
                Ec2ThrottleClass.Mutating => (50.0, 5.0),
                Ec2ThrottleClass.Uncategorized10 => (100.0, 10.0),
                _ => (100.0, 5.0),
            };
        var m = _settings.Overrides.ContainsKey(action.Name) ? 1.0 : _settings.Multiplier;
        bucket = new TokenBucket(Math.Max(1, capacity * m), rate * m, time);
        _buckets[key] = bucket;
        return bucket;
    }
}
