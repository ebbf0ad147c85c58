using Microsoft.Extensions.DependencyInjection;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Service.Kubernetes;

namespace VpcCni.Service.Node;

/// <summary>
/// What every card's tick shares: the planner's input, what a finished plan leaves behind (release
/// time, growth pause, the reconcile cooldown), the move to another ENI or subnet when one runs out,
/// and the plain sequential tick of cards above 0 (AddNetwork serves card 0 only, so no call waits on them).
/// </summary>
internal sealed partial class WarmPoolLoop
{
    /// <summary>One tick of a card above 0; those keep one warm and one minimum address (upstream multi-NIC rule).</summary>
    private async Task TickAsync(NodeSession session, NodeCard card, VpcCniSettings settings, CancellationToken cancellationToken)
    {
        if (settings.NetworkResourceProvisioningDisabled)
        {
            return;
        }

        try
        {
            await ReleaseExcludedAsync(card, settings, cancellationToken).ConfigureAwait(false);
            var input = InputFor(session, card, settings, PendingGrowth.None);
            var plan = WarmPoolPlanner.Plan(input);
            if (plan.IsEmpty)
            {
                NodeLog.TickIdle(logger, plan);
                return;
            }

            NodeLog.TickActing(logger, plan.Actions.Count, plan);
            var result = await card.Executor.ExecuteAsync(plan, cancellationToken).ConfigureAwait(false);
            if (settings.Ipam.EnableSubnetDiscovery)
            {
                result = await GrowElsewhereAsync(card, input, result, cancellationToken).ConfigureAwait(false);
            }

            Settle(card, input.Now, result);
        }
        catch (VpcCniException ex)
        {
            NodeLog.TickFailed(logger, ex, ex.ErrorId);
        }
    }

    private async Task ReleaseExcludedAsync(NodeCard card, VpcCniSettings settings, CancellationToken cancellationToken)
    {
        if (settings.NetworkResourceProvisioningDisabled)
        {
            return;
        }

        try
        {
            await ExcludedEniCleanup.ReleaseFreeCidrsAsync(card.Datastore, card.Executor, cancellationToken).ConfigureAwait(false);
        }
        catch (VpcCniException ex)
        {
            NodeLog.TickFailed(logger, ex, ex.ErrorId);
        }
    }

    private PoolPlanInput InputFor(NodeSession session, NodeCard card, VpcCniSettings settings, PendingGrowth pending)
    {
        var snapshot = card.Datastore.Snapshot();
        var loop = options.Value;

        // The datastore's mode is fixed when it is built; the targets follow it (ENABLE_PREFIX_DELEGATION
        // needs a restart, like upstream).
        var targets = (PoolTargets.From(settings) with { PrefixDelegation = snapshot.PrefixDelegation }).ForNetworkCard(card.NetworkCard);
        var limits = PoolLimits.ForInstanceType(session.Facts.Limits, card.NetworkCard, settings.Ipam.MaxEni, services.GetRequiredService<NodePodCapacity>().Current)
            with { UnmanagedEnis = card.NetworkCard == 0 ? session.Facts.UnmanagedEniIds.Count : 0 };
        return new PoolPlanInput
        {
            Snapshot = snapshot,
            Targets = targets,
            Limits = limits,
            Now = time.GetUtcNow(),
            LastDecreaseAt = card.LastDecreaseAt,
            DecreaseInterval = loop.DecreaseInterval,
            MinimumEniLifetime = loop.MinimumEniLifetime,
            InsufficientCidrBackoffUntil = card.GrowthPausedUntil,
            Pending = pending,
            NodeSchedulable = schedulability.IsSchedulable,
        };
    }

    /// <summary>What a finished plan leaves for the next: when addresses were released, and a pause after the subnet ran out.</summary>
    private void Settle(NodeCard card, DateTimeOffset startedAt, PoolExecutionResult result)
    {
        if (card.NetworkCard == 0)
        {
            reconciler.NoteReleased(result.Outcomes.SelectMany(o => o.Removed));
        }

        if (result.ReleasedAny)
        {
            card.LastDecreaseAt = startedAt;
        }

        foreach (var failure in result.Failures)
        {
            NodeLog.ActionFailed(logger, failure.Action.GetType().Name, failure.Error!.ErrorId, failure.Error.Message);
            if (failure.SubnetExhausted)
            {
                // Upstream increaseDatastorePool stops all growth for insufficientCidrErrorCooldown.
                card.GrowthPausedUntil = time.GetUtcNow() + options.Value.InsufficientAddressCooldown;
                NodeLog.GrowthPaused(logger, failure.AwsErrorCode!, card.GrowthPausedUntil.Value);
            }
        }
    }

    /// <summary>
    /// With subnet discovery, an ENI whose subnet has no address left is passed over: growth fills the
    /// next ENI, else creates one (in another subnet), as upstream <c>increaseDatastorePool</c> and
    /// <c>tryAssignIPs</c> (<c>pkg/ipamd/ipamd.go</c>) do within the same tick. The outcome of the last
    /// attempt replaces the passed-over ones, so growth pauses only when it too ran out.
    /// </summary>
    private async Task<PoolExecutionResult> GrowElsewhereAsync(
        NodeCard card, PoolPlanInput input, PoolExecutionResult result, CancellationToken cancellationToken)
    {
        var exhausted = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = result.Outcomes.ToList();
        while (outcomes.FindIndex(o => o.Action is AssignAddressesAction or AssignPrefixesAction
                   && o.SubnetExhausted && !exhausted.Contains(o.EniId!)) is var index and >= 0)
        {
            exhausted.Add(outcomes[index].EniId!);
            var retry = WarmPoolPlanner.Plan(input with { Snapshot = card.Datastore.Snapshot(), ExhaustedEniIds = exhausted });
            if (retry.Actions.FirstOrDefault(a => a is AssignAddressesAction or AssignPrefixesAction or CreateEniAction) is not { } grow)
            {
                break;
            }

            NodePlacementLog.GrowingElsewhere(logger, outcomes[index].EniId!, grow.Reason);
            outcomes[index] = await card.Executor.ExecuteAsync(grow, cancellationToken).ConfigureAwait(false);
        }

        return new PoolExecutionResult(outcomes);
    }
}
