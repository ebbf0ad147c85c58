namespace VpcCni.Simulator.Control;

/// <summary>The most recent EC2 requests (bounded), newest last.</summary>
public sealed class SimRequestLog
{
    private const int Capacity = 20_000;
    private readonly Lock _gate = new();
    private readonly Queue<SimRequestRecord> _records = new();

    public IReadOnlyList<SimRequestRecord> Snapshot()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
        }
    }

    internal void Add(SimRequestRecord record)
    {
        lock (_gate)
        {
            if (_records.Count == Capacity)
            {
                _records.Dequeue();
            }

            _records.Enqueue(record);
        }
    }
}
