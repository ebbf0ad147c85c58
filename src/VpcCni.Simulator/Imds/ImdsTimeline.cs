namespace VpcCni.Simulator.Imds;

/// <summary>
/// The lagged IMDS view of one instance (docs/simulator.md, "IMDS"): every change to an attached ENI is
/// recorded with the time it becomes visible; a read at time t sees, per ENI, the newest entry
/// not later than t (null = no longer listed). Entries of one ENI are kept in time order.
/// </summary>
internal sealed class ImdsTimeline
{
    private readonly Dictionary<string, List<(DateTimeOffset At, ImdsEniSnapshot? Snapshot)>> _byEni = new(StringComparer.Ordinal);

    public void Publish(string eniId, DateTimeOffset at, ImdsEniSnapshot? snapshot)
    {
        if (!_byEni.TryGetValue(eniId, out var entries))
        {
            entries = [];
            _byEni[eniId] = entries;
        }

        // Keep entries monotone: a change never becomes visible before an earlier one.
        if (entries.Count > 0 && entries[^1].At > at)
        {
            at = entries[^1].At;
        }

        entries.Add((at, snapshot));
    }

    public List<ImdsEniSnapshot> Visible(DateTimeOffset now)
    {
        var visible = new List<ImdsEniSnapshot>();
        foreach (var entries in _byEni.Values)
        {
            var current = -1;
            for (var i = 0; i < entries.Count && entries[i].At <= now; i++)
            {
                current = i;
            }

            if (current > 0)
            {
                // Older entries can never be seen again.
                entries.RemoveRange(0, current);
                current = 0;
            }

            if (current == 0 && entries[0].Snapshot is { } snapshot)
            {
                visible.Add(snapshot);
            }
        }

        visible.Sort((a, b) => (a.NetworkCard, a.DeviceNumber).CompareTo((b.NetworkCard, b.DeviceNumber)));
        return visible;
    }

    public void Clear() => _byEni.Clear();
}
