namespace VpcCni.Service.Node;

/// <summary>
/// The AddNetwork calls that wait for an address, and the two signals between them and the pool
/// loop: a call that finds the pool empty registers and wakes the loop at once (instead of at the
/// next tick), and the loop tells the waiting calls each time the pool may have changed. Both signals
/// are one-shot tasks replaced at each signal; whoever takes the task before reading the state it
/// waits on cannot miss a change.
/// </summary>
public sealed class PoolDemand
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _demandArrived = NewSignal();
    private TaskCompletionSource _poolChanged = NewSignal();
    private int _waiting;
    private int _served;

    /// <summary>Calls waiting now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>A pool loop runs and grows the pool for waiting calls; without one, waiting is pointless.</summary>
    public bool IsServed => Volatile.Read(ref _served) == 1;

    /// <summary>Completes at the next <see cref="PoolChanged"/>; take it before trying the datastore.</summary>
    public Task NextPoolChange
    {
        get
        {
            lock (_gate)
            {
                return _poolChanged.Task;
            }
        }
    }

    /// <summary>Completes when the next call registers; the loop takes it before it plans.</summary>
    public Task NextArrival
    {
        get
        {
            lock (_gate)
            {
                return _demandArrived.Task;
            }
        }
    }

    /// <summary>Counts the caller as waiting until the result is disposed, and wakes the pool loop.</summary>
    public IDisposable Register()
    {
        Interlocked.Increment(ref _waiting);
        Fire(ref _demandArrived);
        return new Registration(this);
    }

    /// <summary>Addresses may have been added: every waiting call tries again.</summary>
    public void PoolChanged() => Fire(ref _poolChanged);

    internal void SetServed(bool served) => Volatile.Write(ref _served, served ? 1 : 0);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Fire(ref TaskCompletionSource signal)
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            fired = signal;
            signal = NewSignal();
        }

        fired.TrySetResult();
    }

    private sealed class Registration(PoolDemand demand) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref demand._waiting);
            }
        }
    }
}
