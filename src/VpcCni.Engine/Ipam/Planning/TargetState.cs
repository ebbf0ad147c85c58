namespace VpcCni.Engine.Ipam.Planning;

/// <summary>
/// How far the pool is below (<see cref="Shortage"/>) or above (<see cref="Surplus"/>) the warm IP
/// targets (upstream <c>pkg/ipamd/ipamd.go</c> <c>datastoreTargetState</c>). Counted in addresses in SIP mode and in /28 prefixes in PD mode
/// (<see cref="InPrefixes"/>). Both are 0 when no IP target is defined.
/// </summary>
public sealed record TargetState(bool TargetsDefined, bool InPrefixes, int Shortage, int Surplus)
{
    /// <summary>
    /// SIP: <c>short = max(WARM − available, MIN − total, 0)</c>,
    /// <c>over = max(min(available − WARM, total − MIN), 0)</c>. PD converts to prefixes:
    /// <c>short = ceil(short / 16)</c>, and <c>over</c> is the free prefixes beyond both
    /// <c>ceil((assigned + cooling + WARM) / 16)</c> and <c>ceil(MIN / 16)</c>. Cooling addresses
    /// are not available (docs/ipam.md), so they count with the assigned ones here.
    /// </summary>
    public static TargetState Compute(IpamStats stats, PoolTargets targets, bool prefixDelegation)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(targets);
        if (!targets.IpTargetsDefined)
        {
            return new TargetState(false, prefixDelegation, 0, 0);
        }

        int warm = targets.WarmIpTarget, min = targets.MinimumIpTarget;
        var shortIps = Math.Max(Math.Max(warm - stats.Available, 0), min - stats.TotalIps);
        var overIps = Math.Max(Math.Min(Math.Max(stats.Available - warm, 0), stats.TotalIps - min), 0);
        if (!prefixDelegation)
        {
            return new TargetState(true, false, shortIps, overIps);
        }

        var shortPrefixes = DivCeil(shortIps, PoolLimits.AddressesPerPrefix);
        var needWarm = DivCeil(checked(stats.AssignedIps + stats.CooldownIps + warm), PoolLimits.AddressesPerPrefix);
        var needMin = DivCeil(min, PoolLimits.AddressesPerPrefix);
        var overPrefixes = Math.Max(Math.Min(stats.FreePrefixes, stats.TotalPrefixes - needWarm), 0);
        overPrefixes = Math.Max(Math.Min(overPrefixes, stats.TotalPrefixes - needMin), 0);
        return new TargetState(true, true, shortPrefixes, overPrefixes);
    }

    private static int DivCeil(int value, int divisor) => value <= 0 ? 0 : checked((value + divisor - 1) / divisor);
}
