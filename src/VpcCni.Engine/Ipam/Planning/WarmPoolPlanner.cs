using System.Net;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Ipam.Planning;

/// <summary>
/// Decides one tick of the warm-pool loop for one network card (upstream <c>pkg/ipamd/ipamd.go</c> <c>updateIPPoolIfRequired</c>), as a pure
/// function: if the pool is too low, grow once; otherwise, if it is too high and no release
/// happened within <see cref="PoolPlanInput.DecreaseInterval"/> (30 s by default), release the surplus; independently, free at most one ENI that the
/// remaining ENIs can do without. With calls waiting for an address or growth in flight, it plans
/// only growth, for those calls, possibly several actions at once (<see cref="DemandGrowPlanner"/>). While terminating or, unless allowed, while the node is
/// unschedulable, the pool neither grows nor frees ENIs, but still releases surplus addresses.
/// </summary>
public static class WarmPoolPlanner
{
    /// <summary>Upstream <c>decreaseIPPoolInterval</c>, the default of <see cref="PoolPlanInput.DecreaseInterval"/>.</summary>
    public static readonly TimeSpan DecreaseInterval = TimeSpan.FromSeconds(30);

    /// <summary>Upstream <c>ipPoolMonitorInterval</c>, the tick the caller should run at.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(5);

    public static PoolPlan Plan(PoolPlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        var snapshot = input.Snapshot;
        var targets = input.Targets.ForNetworkCard(snapshot.NetworkCard);
        var stats = snapshot.Stats;
        var state = TargetState.Compute(stats, targets, targets.PrefixDelegation);
        var notes = new List<string> { $"card {snapshot.NetworkCard}: {stats}" };
        var low = PoolPredicates.IsTooLow(stats, state, targets, input.Limits, out var lowWhy);
        var high = PoolPredicates.IsTooHigh(stats, state, targets, out var highWhy) && !low;
        var plan = new PoolPlan { NetworkCard = snapshot.NetworkCard, Stats = stats, Target = state, TooLow = low, TooHigh = high };

        // Like upstream, a terminating service or a cordoned node stops growth and ENI frees only;
        // surplus addresses still go back to the subnet (ipamd.go decreaseDatastorePool has no gate).
        string? frozen = input.Terminating ? "the service is terminating"
            : !input.NodeSchedulable && !targets.ManageEnisWhenUnschedulable ? "the node is unschedulable and AWS_MANAGE_ENIS_NON_SCHEDULABLE is off"
            : null;
        if (input.Demand > 0 || !input.Pending.IsEmpty)
        {
            // Calls wait or growth is in flight: grow for them at once, and leave releases and ENI frees
            // to a plain tick (a pool being grown for waiting pods is not over its targets).
            if (frozen is not null)
            {
                notes.Add($"no growth for waiting calls: {frozen}");
                return plan with { TooLow = low || input.Demand > 0, TooHigh = false, Notes = notes };
            }

            var grow = DemandGrowPlanner.Plan(input, targets, notes);
            return plan with { TooLow = low || input.Demand > 0, TooHigh = false, Actions = grow, Notes = notes };
        }

        var actions = new List<PoolAction>();
        if (low)
        {
            notes.Add($"pool too low: {lowWhy}");
            if (frozen is not null)
            {
                notes.Add($"no growth: {frozen}");
            }
            else if (GrowPlanner.Plan(input, targets, state, notes) is { } grow)
            {
                actions.Add(grow);
            }
        }
        else if (high)
        {
            notes.Add($"pool too high: {highWhy}");
            if (input.LastDecreaseAt is { } last && input.Now - last < input.DecreaseInterval)
            {
                notes.Add($"release deferred: the last one was {(input.Now - last).TotalSeconds:0} s ago (minimum {input.DecreaseInterval.TotalSeconds:0.###} s)");
            }
            else
            {
                actions.AddRange(ShrinkPlanner.Plan(input, targets, state, notes));
            }
        }
        else
        {
            notes.Add($"pool within targets: {lowWhy}");
        }

        if (PoolPredicates.ShouldRemoveExtraEnis(snapshot, targets, input.Limits))
        {
            if (frozen is not null)
            {
                notes.Add($"an ENI is not freed: {frozen}");
                return plan with { Actions = actions, Notes = notes };
            }

            // Judge ENIs against the state after this tick's releases, as upstream frees after releasing.
            var after = actions.OfType<ReleaseCidrsAction>()
                .Aggregate(snapshot, (s, r) => s.WithoutCidrs(r.EniId, (IReadOnlyCollection<IPNetwork>)r.Cidrs));
            var deletability = new DeletabilityTargets(targets.WarmIpTarget, targets.MinimumIpTarget, targets.PrefixDelegation ? targets.WarmPrefixTarget : 0)
            {
                MinimumEniLifetime = input.MinimumEniLifetime,
            };
            var verdict = EniDeletability.FindDeletable(after, deletability, input.Now);
            if (verdict is not null)
            {
                var reason = $"free ENI {verdict.EniId}: {verdict.Reason}";
                notes.Add(reason);

                // Deleting the ENI gives its addresses back with it, so releasing them first would be a wasted EC2 call.
                if (actions.RemoveAll(a => a is ReleaseCidrsAction r && string.Equals(r.EniId, verdict.EniId, StringComparison.Ordinal)) > 0)
                {
                    notes.Add($"the releases from ENI {verdict.EniId} are left to its deletion");
                }

                actions.Add(new FreeEniAction(verdict.EniId, reason));
            }
        }

        return plan with { Actions = actions, Notes = notes };
    }

    private static void Validate(PoolPlanInput input)
    {
        var t = input.Targets;
        if (t.WarmEniTarget < 0 || t.WarmIpTarget < 0 || t.MinimumIpTarget < 0 || t.WarmPrefixTarget < 0)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Ipam.InvalidPoolTargets,
                $"Pool targets must be 0 or more (WARM_ENI {t.WarmEniTarget}, WARM_IP {t.WarmIpTarget}, MINIMUM_IP {t.MinimumIpTarget}, WARM_PREFIX {t.WarmPrefixTarget}).");
        }

        if (input.Demand < 0 || input.Pending.Cidrs < 0 || input.Pending.Enis < 0)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Ipam.InvalidPoolDemand,
                $"Waiting calls and growth in flight must be 0 or more (demand {input.Demand}, CIDRs {input.Pending.Cidrs}, ENIs {input.Pending.Enis}).");
        }

        if (input.Limits.MaxEni < 1 || input.Limits.MaxCidrsPerEni < 1)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Ipam.InvalidPoolLimits,
                $"Pool limits need at least 1 ENI and 1 CIDR per ENI (got {input.Limits.MaxEni} and {input.Limits.MaxCidrsPerEni}).");
        }

        if (t.PrefixDelegation != input.Snapshot.PrefixDelegation)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Ipam.PoolModeMismatch,
                $"The targets ask for prefix delegation = {t.PrefixDelegation} but the datastore of card {input.Snapshot.NetworkCard} runs with {input.Snapshot.PrefixDelegation}.");
        }
    }
}
