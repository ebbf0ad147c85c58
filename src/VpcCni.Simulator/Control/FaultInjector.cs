using VpcCni.Simulator.Ec2;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Control;

/// <summary>The active fault rules; each request of an action asks it for added latency and an error to answer.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, int? Remaining)> _rules = [];
    private Random _random = new(1);

    public void Reset(IEnumerable<FaultRule> rules, int seed)
    {
        lock (_gate)
        {
            _rules.Clear();
            _random = new Random(seed);
            foreach (var rule in rules)
            {
                _rules.Add((rule, rule.Count));
            }
        }
    }

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add((rule, rule.Count));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules.Select(r => r.Rule)];
            }
        }
    }

    /// <summary>Total latency of matching rules, and the first matching error that fires.</summary>
    public (TimeSpan Latency, Ec2Exception? Error) Evaluate(string action)
    {
        lock (_gate)
        {
            var latency = TimeSpan.Zero;
            Ec2Exception? error = null;
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, remaining) = _rules[i];
                if (rule.Action != "*" && rule.Action != action)
                {
                    continue;
                }

                latency += TimeSpan.FromMilliseconds(rule.LatencyMs);
                if (error is null && rule.ErrorCode is { } code && _random.NextDouble() < rule.Rate)
                {
                    error = new Ec2Exception(code, rule.Message ?? Ec2ErrorCodes.DefaultMessage(code), rule.HttpStatus);
                    if (remaining is { } left)
                    {
                        _rules[i] = (rule, left - 1);
                    }
                }
            }

            _rules.RemoveAll(r => r.Remaining is <= 0);
            return (latency, error);
        }
    }
}
