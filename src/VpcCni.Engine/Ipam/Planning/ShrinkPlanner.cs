namespace VpcCni.Engine.Ipam.Planning;

/// <summary>
/// Release of surplus addresses or prefixes (upstream <c>pkg/ipamd/ipamd.go</c> <c>tryUnassignCidrsFromAll</c>): take free
/// CIDRs of the current mode, ENI by ENI in device order, until the surplus is covered. CIDRs with
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
