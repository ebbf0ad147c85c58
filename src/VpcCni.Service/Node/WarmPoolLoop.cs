using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Ipam.Planning;

namespace VpcCni.Service.Node;

/// <summary>
/// The warm-pool loop (upstream <c>pkg/ipamd/ipamd.go</c> <c>StartNodeIPPoolManager</c>,
/// <c>updateIPPoolIfRequired</c>): every <see cref="NodeLoopOptions.Interval"/> it plans one tick
/// with <see cref="WarmPoolPlanner"/> from the datastore's snapshot, the current settings (warm
/// targets apply live) and the instance limits, and carries the plan out. It remembers when it last
/// released addresses (the planner releases at most every 30 s) and pauses growth after the subnet
/// ran out of addresses. Between ticks it lets <see cref="NodeReconciler"/> compare the datastore with
/// the instance.
/// </summary>
internal sealed class WarmPoolLoop(
    NodeInitializer initializer,
    NodeReconciler reconciler,
    IpamDatastore datastore,
    NodeCards nodeCards,
    IOptions<NodeLoopOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<WarmPoolLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (initializer.Session is not { } session)
        {
            // Initialisation is off (NodeLoop:Enabled false); had it failed, the host would not have started.
            return;
        }

        var settings = services.GetRequiredService<IOptionsMonitor<VpcCniSettings>>();
        NodeCard[] cards = [new NodeCard(0, datastore, session.Executor), .. nodeCards.Secondary];
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            await reconciler.RunIfDueAsync(session, stoppingToken).ConfigureAwait(false);
            foreach (var card in cards)
            {
                await TickAsync(session, card, settings.CurrentValue, stoppingToken).ConfigureAwait(false);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One tick of one card; cards above 0 keep one warm and one minimum address (upstream multi-NIC rule).</summary>
    private async Task TickAsync(NodeSession session, NodeCard card, VpcCniSettings settings, CancellationToken cancellationToken)
    {
        if (settings.NetworkResourceProvisioningDisabled)
        {
            NodeLog.ProvisioningDisabled(logger);
            return;
        }

        try
        {
            await ExcludedEniCleanup.ReleaseFreeCidrsAsync(card.Datastore, card.Executor, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var snapshot = card.Datastore.Snapshot();
            var loop = options.Value;

            // The datastore's mode is fixed when it is built; the targets follow it (ENABLE_PREFIX_DELEGATION
            // needs a restart, like upstream).
            var targets = (PoolTargets.From(settings) with { PrefixDelegation = snapshot.PrefixDelegation }).ForNetworkCard(card.NetworkCard);
            var limits = PoolLimits.ForInstanceType(session.Facts.Limits, card.NetworkCard, settings.Ipam.MaxEni, loop.MaxPods)
                with { UnmanagedEnis = card.NetworkCard == 0 ? session.Facts.UnmanagedEniIds.Count : 0 };
            var input = new PoolPlanInput
            {
                Snapshot = snapshot,
                Targets = targets,
                Limits = limits,
                Now = now,
                LastDecreaseAt = card.LastDecreaseAt,
                InsufficientCidrBackoffUntil = card.GrowthPausedUntil,
            };
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

            if (result.ReleasedAny)
            {
                card.LastDecreaseAt = now;
            }

            foreach (var failure in result.Failures)
            {
                NodeLog.ActionFailed(logger, failure.Action.GetType().Name, failure.Error!.ErrorId, failure.Error.Message);
                if (failure.AwsErrorCode is { } code && IsSubnetExhausted(code))
                {
                    // Upstream increaseDatastorePool stops all growth for insufficientCidrErrorCooldown.
                    card.GrowthPausedUntil = time.GetUtcNow() + loop.InsufficientAddressCooldown;
                    NodeLog.GrowthPaused(logger, code, card.GrowthPausedUntil.Value);
                }
            }
        }
        catch (VpcCniException ex)
        {
            NodeLog.TickFailed(logger, ex, ex.ErrorId);
        }
    }

    /// <summary>
    /// With subnet discovery, an ENI whose subnet has no address left is passed over: growth fills the
    /// next ENI, else creates one (in another subnet), within the same tick, as upstream
    /// <c>increaseDatastorePool</c> and <c>tryAssignIPs</c> (<c>pkg/ipamd/ipamd.go</c>) do. The outcome
    /// of the last attempt replaces the passed-over ones, so growth pauses only when it too ran out.
    /// </summary>
    private async Task<PoolExecutionResult> GrowElsewhereAsync(
        NodeCard card, PoolPlanInput input, PoolExecutionResult result, CancellationToken cancellationToken)
    {
        var exhausted = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = result.Outcomes.ToList();
        while (outcomes.FindIndex(o => o.Action is AssignAddressesAction or AssignPrefixesAction
                   && o.AwsErrorCode is { } code && IsSubnetExhausted(code) && !exhausted.Contains(o.EniId!)) is var index and >= 0)
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

    private static bool IsSubnetExhausted(string code) =>
        string.Equals(code, Ec2ErrorCodes.InsufficientCidrBlocks, StringComparison.OrdinalIgnoreCase)
        || string.Equals(code, Ec2ErrorCodes.InsufficientFreeAddressesInSubnet, StringComparison.OrdinalIgnoreCase);
}
