namespace VpcCni.Engine.Ipam;

/// <summary>
/// Pool counters of the current mode (upstream <c>data_store.go</c> <c>GetIPStats</c>), skipping ENIs excluded for pod IPs.
/// Unlike upstream, <see cref="Available"/> leaves out addresses in cooldown
/// (<c>Total − Assigned − Cooldown</c>), because a cooling address cannot be handed to a pod
/// (upstream issue #2896); see docs/ipam.md "Differences from upstream".
/// </summary>
public sealed record IpamStats
{
    /// <summary>Addresses in CIDRs of the current mode (/32 = 1, /28 = 16).</summary>
    public int TotalIps { get; init; }

    public int AssignedIps { get; init; }

    /// <summary>Free addresses still in their cooldown period.</summary>
    public int CooldownIps { get; init; }

    /// <summary>Addresses a pod could get right now: total minus assigned minus cooling.</summary>
    public int Available => checked(TotalIps - AssignedIps - CooldownIps);

    /// <summary>/28 prefixes held (counted in prefix mode only).</summary>
    public int TotalPrefixes { get; init; }

    /// <summary>Prefixes with no assigned and no cooling address.</summary>
    public int FreePrefixes { get; init; }

    /// <summary>Every ENI the datastore tracks, trunk and excluded ones included.</summary>
    public int EniCount { get; init; }

    public int ExcludedEniCount { get; init; }

    public override string ToString() =>
        $"total {TotalIps}, assigned {AssignedIps}, cooldown {CooldownIps}, available {Available}, " +
        $"prefixes {TotalPrefixes} ({FreePrefixes} free), ENIs {EniCount}";

    /// <summary>Counts the snapshot's CIDRs of its own mode.</summary>
    public static IpamStats From(DatastoreSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        int total = 0, assigned = 0, cooling = 0, prefixes = 0, freePrefixes = 0;
        foreach (var eni in snapshot.Enis.Where(e => !e.Descriptor.IsExcludedForPodIps))
        {
            foreach (var cidr in eni.CidrsOfMode(snapshot.PrefixDelegation))
            {
                total = checked(total + cidr.Size);
                assigned = checked(assigned + cidr.AssignedCount);
                cooling = checked(cooling + cidr.CoolingCount);
                if (cidr.IsPrefix)
                {
                    prefixes++;
                    freePrefixes += cidr.IsFree ? 1 : 0;
                }
            }
        }

        return new IpamStats
        {
            TotalIps = total,
            AssignedIps = assigned,
            CooldownIps = cooling,
            TotalPrefixes = prefixes,
            FreePrefixes = freePrefixes,
            EniCount = snapshot.Enis.Count,
            ExcludedEniCount = snapshot.Enis.Count(e => e.Descriptor.IsExcludedForPodIps),
        };
    }
}
