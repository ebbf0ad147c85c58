namespace VpcCni.Engine.Ipam.Planning;

/// <summary>
/// Growth (upstream <c>pkg/ipamd/ipamd.go</c> <c>increaseDatastorePool</c>): first fill an existing ENI, else create one if there is room. Yields
/// at most one action, since each tick makes one grow call per card.
/// </summary>
internal static class GrowPlanner
{
    public static PoolAction? Plan(PoolPlanInput input, PoolTargets targets, TargetState state, List<string> notes)
    {
        var snapshot = input.Snapshot;
        var limits = input.Limits;
        var stats = snapshot.Stats;
        var pd = targets.PrefixDelegation;
        if (input.InsufficientCidrBackoffUntil is { } until && input.Now < until)
        {
            notes.Add($"grow skipped: the subnet ran out of addresses; retrying after {until:O}");
            return null;
        }

        if (!pd && state.TargetsDefined && state.Shortage == 0)
        {
            notes.Add("grow skipped: no address is short of the IP targets");
            return null;
        }

        // How much one call should ask for, before the per-ENI cap.
        int wanted = pd
            ? Math.Max(1, state.TargetsDefined ? state.Shortage : targets.WarmPrefixTarget - stats.FreePrefixes)
            : state.TargetsDefined ? state.Shortage : limits.MaxCidrsPerEni;

        // Never past the node's pod capacity in one call: the too-low test stops growth at maxPods, and a
        // call sized by the targets alone would overshoot it (a kubelet --max-pods below WARM_IP_TARGET).
        var room = Math.Max(limits.MaxPods - stats.TotalIps, 1);
        wanted = Math.Min(wanted, pd ? (room + PoolLimits.AddressesPerPrefix - 1) / PoolLimits.AddressesPerPrefix : room);

        var candidate = snapshot.Enis.FirstOrDefault(e => CanFill(e, targets) && e.Cidrs.Count < limits.MaxCidrsPerEni && !input.ExhaustedEniIds.Contains(e.Descriptor.Id));
        if (candidate is not null)
        {
            var count = Math.Min(limits.MaxCidrsPerEni - candidate.Cidrs.Count, wanted);
            var why = $"fill ENI {candidate.Descriptor.Id} (device {candidate.Descriptor.DeviceNumber}, {candidate.Cidrs.Count}/{limits.MaxCidrsPerEni} CIDRs) with {count}";
            notes.Add(why);
            return pd ? new AssignPrefixesAction(candidate.Descriptor.Id, count, why) : new AssignAddressesAction(candidate.Descriptor.Id, count, why);
        }

        if (!PoolPredicates.HasRoomForEni(snapshot, targets, limits, out var eniRoom))
        {
            notes.Add($"grow blocked: every ENI is full and there is no room for another ({eniRoom})");
            return null;
        }

        var size = Math.Min(wanted, limits.MaxCidrsPerEni);
        var reason = $"every usable ENI is full; create an ENI with {size} {(pd ? "prefixes" : "addresses")} ({eniRoom})";
        notes.Add(reason);
        return pd ? new CreateEniAction(0, size, reason) : new CreateEniAction(size, 0, reason);
    }

    /// <summary>An ENI that may get more CIDRs: not a trunk, not excluded, not the primary under custom networking.</summary>
    public static bool CanFill(EniSnapshot eni, PoolTargets targets) =>
        !eni.Descriptor.IsTrunk && !eni.Descriptor.IsExcludedForPodIps && !(targets.CustomNetworking && eni.Descriptor.IsPrimary);
}
