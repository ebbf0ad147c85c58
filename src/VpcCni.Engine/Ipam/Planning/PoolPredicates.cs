namespace VpcCni.Engine.Ipam.Planning;

/// <summary>
/// The per-tick questions of upstream <c>pkg/ipamd/ipamd.go</c> (<c>isDatastorePoolTooLow</c>, <c>isDatastorePoolTooHigh</c>, <c>shouldRemoveExtraENIs</c>, <c>hasRoomForEni</c>), each answered with the reason, so plans can
/// explain themselves.
/// </summary>
public static class PoolPredicates
{
    /// <summary>
    /// Too low: never once the pool holds <c>maxPods</c> addresses; with IP targets, when short;
    /// otherwise when <c>available &lt; perUnit × warm</c> or both are 0, with
    /// <c>perUnit, warm</c> = <c>maxIPsPerENI, WARM_ENI</c> (SIP) or <c>16, WARM_PREFIX</c> (PD).
    /// </summary>
    public static bool IsTooLow(IpamStats stats, TargetState state, PoolTargets targets, PoolLimits limits, out string reason)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(limits);
        if (stats.TotalIps >= limits.MaxPods)
        {
            reason = $"the pool holds {stats.TotalIps} addresses, at or above maxPods {limits.MaxPods}";
            return false;
        }

        var unit = state.InPrefixes ? "prefixes" : "addresses";
        if (state.TargetsDefined)
        {
            reason = $"{state.Shortage} {unit} short of WARM_IP_TARGET {targets.WarmIpTarget} / MINIMUM_IP_TARGET {targets.MinimumIpTarget} (available {stats.Available}, total {stats.TotalIps})";
            return state.Shortage > 0;
        }

        var (perUnit, warm, name) = targets.PrefixDelegation
            ? (PoolLimits.AddressesPerPrefix, targets.WarmPrefixTarget, "WARM_PREFIX_TARGET")
            : (limits.MaxCidrsPerEni, targets.WarmEniTarget, "WARM_ENI_TARGET");
        var wanted = checked(perUnit * warm);
        reason = $"available {stats.Available} against {name} {warm} × {perUnit} = {wanted}";
        return stats.Available < wanted || (warm == 0 && stats.Available == 0);
    }

    /// <summary>
    /// Too high: with IP targets, when over; in PD without them, when free prefixes exceed
    /// WARM_PREFIX; in plain WARM_ENI mode never (only whole ENIs go).
    /// </summary>
    public static bool IsTooHigh(IpamStats stats, TargetState state, PoolTargets targets, out string reason)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(targets);
        if (state.TargetsDefined)
        {
            reason = $"{state.Surplus} {(state.InPrefixes ? "prefixes" : "addresses")} over the IP targets";
            return state.Surplus > 0;
        }

        if (targets.PrefixDelegation)
        {
            reason = $"{stats.FreePrefixes} free prefixes against WARM_PREFIX_TARGET {targets.WarmPrefixTarget}";
            return stats.FreePrefixes > targets.WarmPrefixTarget;
        }

        reason = "WARM_ENI_TARGET mode releases whole ENIs only";
        return false;
    }

    /// <summary>
    /// Whether to look for an ENI to free: always with IP targets or on cards above 0; otherwise
    /// when one more warm unit than wanted is available (SIP), or in PD also when an ordinary ENI
    /// without pods exists.
    /// </summary>
    public static bool ShouldRemoveExtraEnis(DatastoreSnapshot snapshot, PoolTargets targets, PoolLimits limits)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(limits);
        if (targets.IpTargetsDefined || snapshot.NetworkCard > 0)
        {
            return true;
        }

        var stats = snapshot.Stats;
        var perEni = limits.MaxIpsPerEni(targets.PrefixDelegation);
        if (!targets.PrefixDelegation)
        {
            return stats.Available >= checked((targets.WarmEniTarget + 1) * perEni);
        }

        return stats.Available >= checked((targets.WarmPrefixTarget + 1) * perEni)
            || snapshot.Enis.Any(e => !e.Descriptor.IsPrimary && !e.Descriptor.IsTrunk && !e.Descriptor.IsEfa && e.AssignedCount == 0);
    }

    /// <summary>
    /// Room for one more ENI: <c>ENIs − excluded &lt; maxENI − unmanaged − trunkReserve − excluded</c>,
    /// where one slot is reserved on card 0 for a trunk that SGP wants but that does not exist yet.
    /// </summary>
    public static bool HasRoomForEni(DatastoreSnapshot snapshot, PoolTargets targets, PoolLimits limits, out string reason) =>
        HasRoomForEni(snapshot, targets, limits, 0, out reason);

    /// <summary>
    /// Room for one more ENI when <paramref name="comingEnis"/> ENIs are already being created (they
    /// take their slots before the datastore knows them).
    /// </summary>
    public static bool HasRoomForEni(DatastoreSnapshot snapshot, PoolTargets targets, PoolLimits limits, int comingEnis, out string reason)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(limits);
        var trunkReserve = targets.PodEniEnabled && limits.TrunkingCompatible && snapshot.NetworkCard == 0 && !snapshot.HasTrunk ? 1 : 0;
        var excluded = snapshot.Enis.Count(e => e.Descriptor.IsExcludedForPodIps);
        var used = snapshot.Enis.Count - excluded + comingEnis;
        var allowed = limits.MaxEni - limits.UnmanagedEnis - trunkReserve - excluded;
        var coming = comingEnis > 0 ? $" ({comingEnis} being created)" : string.Empty;
        reason = $"{used} ENIs in use{coming} of {allowed} allowed (max {limits.MaxEni}, unmanaged {limits.UnmanagedEnis}, trunk reserve {trunkReserve}, excluded {excluded})";
        return used < allowed;
    }
}
