namespace VpcCni.Engine.Ipam.Planning;

/// <summary>
/// Growth for AddNetwork calls that wait for an address (ours; docs/ipam.md, "Demand"). Upstream
/// <c>pkg/ipamd/ipamd.go</c> <c>increaseDatastorePool</c> makes one grow call per tick and sizes it for
/// the warm target only, so a burst of pods on an empty node waits several ticks and ENIs. Here the
/// waiting calls count as taken addresses, growth already in flight counts as arrived, and every
/// action the shortfall needs is planned at once: the usable ENIs with room are filled, and as many
/// ENIs as the limit allows are created, for the executor to run side by side. The sizes of each
/// action follow <see cref="GrowPlanner"/>: a whole ENI in <c>WARM_ENI_TARGET</c> mode, exactly the
/// shortfall with IP targets or prefixes. The warm targets themselves are left to the regular ticks:
/// with <c>WARM_ENI_TARGET</c> or <c>WARM_PREFIX_TARGET</c> only the waiting calls are covered, with IP
/// targets the shortage is computed as usual on what remains after the waiting calls.
/// </summary>
internal static class DemandGrowPlanner
{
    public static IReadOnlyList<PoolAction> Plan(PoolPlanInput input, PoolTargets targets, List<string> notes)
    {
        var snapshot = input.Snapshot;
        var limits = input.Limits;
        var stats = snapshot.Stats;
        var pending = input.Pending;
        var pd = targets.PrefixDelegation;
        var unit = pd ? PoolLimits.AddressesPerPrefix : 1;
        notes.Add($"{input.Demand} calls wait for an address; in flight: {pending.Cidrs} {(pd ? "prefixes" : "addresses")}, {pending.Enis} new ENIs");
        if (input.InsufficientCidrBackoffUntil is { } until && input.Now < until)
        {
            notes.Add($"grow skipped: the subnet ran out of addresses; retrying after {until:O}");
            return [];
        }

        var available = stats.Available + (pending.Cidrs * unit) - input.Demand;
        var total = stats.TotalIps + (pending.Cidrs * unit);
        var neededIps = targets.IpTargetsDefined
            ? Math.Max(Math.Max(targets.WarmIpTarget - available, targets.MinimumIpTarget - total), 0)
            : Math.Max(-available, 0);
        neededIps = Math.Min(neededIps, Math.Max(limits.MaxPods - total, 0));
        if (neededIps == 0)
        {
            notes.Add(total >= limits.MaxPods
                ? $"grow skipped: with what is in flight the pool holds {total} addresses, at or above maxPods {limits.MaxPods}"
                : $"grow skipped: what is free or in flight covers the waiting calls (available after them {available})");
            return [];
        }

        var remaining = (neededIps + unit - 1) / unit;
        var wholeEnis = !pd && !targets.IpTargetsDefined;
        var actions = new List<PoolAction>();
        foreach (var eni in snapshot.Enis)
        {
            var room = limits.MaxCidrsPerEni - eni.Cidrs.Count;
            if (remaining <= 0 || room <= 0 || !GrowPlanner.CanFill(eni, targets) || pending.FillingEniIds.Contains(eni.Descriptor.Id))
            {
                continue;
            }

            if (pending.ReleasingEniIds.Contains(eni.Descriptor.Id))
            {
                // EC2 still counts what is being given back; once the release lands (milliseconds), the next
                // plan fills it. Its room is counted as coming, so no ENI is opened for it meanwhile.
                notes.Add($"ENI {eni.Descriptor.Id} is giving CIDRs back; filled once that lands");
                remaining -= Math.Min(room, remaining);
                continue;
            }

            var count = wholeEnis ? room : Math.Min(room, remaining);
            var why = $"fill ENI {eni.Descriptor.Id} (device {eni.Descriptor.DeviceNumber}, {eni.Cidrs.Count}/{limits.MaxCidrsPerEni} CIDRs) with {count} for waiting calls";
            notes.Add(why);
            actions.Add(pd ? new AssignPrefixesAction(eni.Descriptor.Id, count, why) : new AssignAddressesAction(eni.Descriptor.Id, count, why));
            remaining -= count;
        }

        // Sized ENIs (IP targets, prefixes) can be created short of full. While one in flight, or one
        // being filled, will still have room for what is short, fill it once it lands rather than open
        // another ENI: the node ends with as many ENIs as upstream's one-action-per-tick loop gives it.
        if (!wholeEnis && remaining > 0 && pending.SpareRoom(snapshot.Enis, limits.MaxCidrsPerEni) is var spare && remaining <= spare)
        {
            notes.Add($"no new ENI: {remaining} {(pd ? "prefixes" : "addresses")} still short fit the {spare} left on ENIs in flight, filled once they land");
            return actions;
        }

        var creating = 0;
        while (remaining > 0)
        {
            if (!PoolPredicates.HasRoomForEni(snapshot, targets, limits, pending.Enis + creating, out var room))
            {
                notes.Add($"grow limited: {remaining} {(pd ? "prefixes" : "addresses")} still short and no room for another ENI ({room})");
                break;
            }

            var size = wholeEnis ? limits.MaxCidrsPerEni : Math.Min(remaining, limits.MaxCidrsPerEni);
            var reason = $"create an ENI with {size} {(pd ? "prefixes" : "addresses")} for waiting calls ({room})";
            notes.Add(reason);
            actions.Add(pd ? new CreateEniAction(0, size, reason) : new CreateEniAction(size, 0, reason));
            remaining -= size;
            creating++;
        }

        return actions;
    }
}
