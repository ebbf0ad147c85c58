namespace VpcCni.Engine.Ipam.Planning;

/// <summary>
/// Release of surplus addresses or prefixes (upstream <c>pkg/ipamd/ipamd.go</c> <c>tryUnassignCidrsFromAll</c>): take free
/// CIDRs of the current mode until the surplus is covered, emptiest ENI first. Upstream walks its ENIs
/// in map order, so it may drain the primary ENI and leave a secondary one half full that then can
/// never be freed; taking first from the non-primary ENI with the fewest pods (the newest on a tie)
/// empties whole ENIs, which the same tick's free step can then detach (docs/ipam.md). CIDRs with
/// an address in cooldown are kept (upstream releases them; see docs/ipam.md).
/// </summary>
internal static class ShrinkPlanner
{
    public static IReadOnlyList<ReleaseCidrsAction> Plan(PoolPlanInput input, PoolTargets targets, TargetState state, List<string> notes)
    {
        var snapshot = input.Snapshot;
        var stats = snapshot.Stats;
        var pd = targets.PrefixDelegation;
        var surplus = state.TargetsDefined
            ? state.Surplus
            : Math.Max(stats.FreePrefixes - targets.WarmPrefixTarget, 0);
        // Excluded ENIs do not count in the stats, so releasing their CIDRs would not reduce the surplus.
        var picked = snapshot.FreeCidrs(pd)
            .Where(p => !p.Eni.Descriptor.IsExcludedForPodIps)
            .OrderBy(p => p.Eni.Descriptor.IsPrimary)
            .ThenBy(p => p.Eni.AssignedCount)
            .ThenByDescending(p => p.Eni.Descriptor.DeviceNumber)
            .Take(surplus)
            .ToArray();
        if (picked.Length == 0)
        {
            notes.Add($"shrink found no free {(pd ? "prefix" : "address")} to release (surplus {surplus})");
            return [];
        }

        var unit = pd ? "prefixes" : "addresses";
        var actions = picked
            .GroupBy(p => p.Eni.Descriptor.Id, StringComparer.Ordinal)
            .Select(g => new ReleaseCidrsAction(
                g.Key,
                g.Select(p => p.Cidr.Network).ToArray(),
                $"release {g.Count()} free {unit} from ENI {g.Key}: the pool is {surplus} {unit} over target"))
            .ToArray();
        notes.AddRange(actions.Select(a => a.Reason));
        return actions;
    }
}
