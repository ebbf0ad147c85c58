namespace VpcCni.Simulator.Throttling;

/// <summary>
/// One EC2 token bucket: a request takes a token; tokens refill continuously at a fixed rate up to
/// the capacity; a throttled request takes none (EC2 API Reference, "Request throttling for the Amazon EC2 API"). Time comes from the TimeProvider.
/// </summary>
internal sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    public TokenBucket(double capacity, double refillPerSecond, TimeProvider time)
    {
        Capacity = capacity;
        RefillPerSecond = refillPerSecond;
        _time = time;
        _tokens = capacity;
        _last = time.GetTimestamp();
    }

    public double Capacity { get; }

    public double RefillPerSecond { get; }

    public double Tokens
    {
        get
        {
            Refill();
            return _tokens;
        }
    }

    public bool TryTake()
    {
        Refill();
        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }

    public void Drain()
    {
        Refill();
        _tokens = 0;
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_last, now).TotalSeconds;
        _last = now;
        _tokens = Math.Min(Capacity, _tokens + (elapsed * RefillPerSecond));
    }
}
