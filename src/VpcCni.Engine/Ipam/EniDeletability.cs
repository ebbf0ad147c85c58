namespace VpcCni.Engine.Ipam;

/// <summary>
/// The rules that decide whether an ENI may be freed (upstream <c>pkg/ipamd/datastore/data_store.go</c> <c>getDeletableENI</c>), as a pure
/// function of a snapshot so the datastore and the planner share them. An ENI is deletable only
/// when it is not primary, is at least <see cref="DeletabilityTargets.MinimumEniLifetime"/> old (60 s by default), has no address cooling and no pod, is not needed
/// by the other ENIs to meet WARM_IP / MINIMUM_IP (rounded up to whole prefixes in PD) or
/// WARM_PREFIX, and is neither trunk nor EFA. ENIs excluded for pod IPs stay attached (docs/ipam.md "Differences from upstream").
/// </summary>
public static class EniDeletability
{
    /// <summary>Upstream <c>minENILifeTime</c>, the default of <see cref="DeletabilityTargets.MinimumEniLifetime"/>.</summary>
    public static readonly TimeSpan MinimumEniLifetime = TimeSpan.FromSeconds(60);

    private const int AddressesPerPrefix = 16;

    /// <summary>The verdict for every ENI, in device order.</summary>
    public static IReadOnlyList<EniVerdict> Evaluate(DatastoreSnapshot snapshot, DeletabilityTargets targets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(targets);
        return snapshot.Enis.Select(eni => Judge(snapshot, eni, targets, now)).ToArray();
    }

    /// <summary>The first deletable ENI in device order, or null.</summary>
    public static EniVerdict? FindDeletable(DatastoreSnapshot snapshot, DeletabilityTargets targets, DateTimeOffset now) =>
        Evaluate(snapshot, targets, now).FirstOrDefault(v => v.Deletable);

    private static EniVerdict Judge(DatastoreSnapshot snapshot, EniSnapshot eni, DeletabilityTargets targets, DateTimeOffset now)
    {
        var pd = snapshot.PrefixDelegation;
        var others = snapshot.Enis.Where(e => e.Descriptor.Id != eni.Descriptor.Id && !e.Descriptor.IsExcludedForPodIps)
            .SelectMany(e => e.CidrsOfMode(pd)).ToArray();
        var otherFree = others.Sum(c => c.Size - c.AssignedCount - c.CoolingCount);
        var otherTotal = others.Sum(c => c.Size);
        var otherFreePrefixes = others.Count(c => c.IsPrefix && c.IsFree);
        var warmIp = pd ? RoundUpToPrefix(targets.WarmIpTarget) : targets.WarmIpTarget;
        var minIp = pd ? RoundUpToPrefix(targets.MinimumIpTarget) : targets.MinimumIpTarget;

        string? keep = eni switch
        {
            { Descriptor.IsPrimary: true } => "it is the primary ENI",
            _ when now - eni.CreatedAt < targets.MinimumEniLifetime =>
                $"it is younger than {targets.MinimumEniLifetime.TotalSeconds:0.###} s",
            { CoolingCount: > 0 } => $"{eni.CoolingCount} of its addresses are in cooldown",
            { AssignedCount: > 0 } => $"{eni.AssignedCount} pods use it",
            _ when otherFree < warmIp => $"the other ENIs have {otherFree} free addresses, below the warm IP target {warmIp}",
            _ when otherTotal < minIp => $"the other ENIs hold {otherTotal} addresses, below the minimum IP target {minIp}",
            _ when pd && otherFreePrefixes < targets.WarmPrefixTarget =>
                $"the other ENIs have {otherFreePrefixes} free prefixes, below the warm prefix target {targets.WarmPrefixTarget}",
            { Descriptor.IsTrunk: true } => "it is the trunk ENI",
            { Descriptor.IsEfa: true } => "it is an EFA ENI",
            { Descriptor.IsExcludedForPodIps: true } => "it is excluded for pod IPs and stays attached",
            _ => null,
        };
        return keep is null
            ? new EniVerdict(eni.Descriptor.Id, true, "no pod, no cooldown, and the other ENIs meet every target")
            : new EniVerdict(eni.Descriptor.Id, false, keep);
    }

    private static int RoundUpToPrefix(int addresses) =>
        checked((addresses + AddressesPerPrefix - 1) / AddressesPerPrefix * AddressesPerPrefix);
}
