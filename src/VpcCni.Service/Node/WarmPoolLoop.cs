using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Service.Cluster;
using VpcCni.Service.Metrics;
using VpcCni.Service.SecurityGroups;

namespace VpcCni.Service.Node;

/// <summary>
/// The warm-pool loop (upstream <c>pkg/ipamd/ipamd.go</c> <c>StartNodeIPPoolManager</c>,
/// <c>updateIPPoolIfRequired</c>): every <see cref="NodeLoopOptions.Interval"/> it plans one tick
/// with <see cref="WarmPoolPlanner"/> from the datastore's snapshot, the current settings (warm
/// targets apply live) and the instance limits, and carries the plan out. It remembers when it last
/// released addresses (the planner releases at most every <see cref="NodeLoopOptions.DecreaseInterval"/>) and pauses growth after the subnet
/// ran out of addresses. Between ticks it lets <see cref="NodeReconciler"/> compare the datastore with
/// the instance. Network cards above 0 (<see cref="NodeCards"/>) get one tick each after card 0's.
/// <para>
/// Ours: AddNetwork calls that find the pool empty wait (<see cref="PoolDemand"/>) and wake the loop
/// at once. It then plans for them beside whatever growth is in flight, and again as each action
/// finishes, so a burst of pods gets its ENIs side by side instead of one per tick (docs/ipam.md,
/// "Demand"). A plain tick still runs only when nothing is in flight, as it did when the loop awaited
/// each plan, and the reconciler never runs beside growth.
/// </para>
/// </summary>
internal sealed partial class WarmPoolLoop(
    NodeInitializer initializer,
    NodeReconciler reconciler,
    IpamDatastore datastore,
    PoolDemand demand,
    NodeCards nodeCards,
    NodeSchedulability schedulability,
    IOptions<NodeLoopOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<WarmPoolLoop> logger) : BackgroundService
{
    // Set when growth for waiting calls failed: no more until the next plain tick, so a failing EC2
    // sees one attempt per tick, as upstream's loop gives it.
    private bool _demandHeld;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (initializer.Session is not { } session)
        {
            // Initialisation is off (NodeLoop:Enabled false); had it failed, the host would not have started.
            return;
        }

        var settings = services.GetRequiredService<IOptionsMonitor<VpcCniSettings>>();
        var primary = new NodeCard(0, datastore, session.Executor);
        var work = new PoolWorkInFlight(demand);
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        Task<bool> tick = Task.FromResult(true);
        try
        {
            while (true)
            {
                // Taken before the pool is read, so a call that registers after this wakes the wait below.
                var arrival = demand.NextArrival;
                if (tick.IsCompleted && work.IsEmpty)
                {
                    if (!await tick.ConfigureAwait(false))
                    {
                        return;
                    }

                    _demandHeld = false;
                    await reconciler.RunIfDueAsync(session, stoppingToken).ConfigureAwait(false);
                    await services.GetRequiredService<TrunkEniTracker>().TickAsync(session, stoppingToken).ConfigureAwait(false);
                    await ReleaseExcludedAsync(primary, settings.CurrentValue, stoppingToken).ConfigureAwait(false);
                    PlanAndStart(session, primary, settings.CurrentValue, work, forDemand: false, stoppingToken);
                    foreach (var card in nodeCards.Secondary)
                    {
                        await TickAsync(session, card, settings.CurrentValue, stoppingToken).ConfigureAwait(false);
                    }

                    demand.PoolChanged();
                    tick = NextTickAsync(timer, schedulability.NextChange, stoppingToken);
                }
                else if (demand.Waiting > 0 && !_demandHeld)
                {
                    PlanAndStart(session, primary, settings.CurrentValue, work, forDemand: true, stoppingToken);
                }

                // A tick that came while work is in flight waits for the work, as it did when each plan was awaited.
                Task[] wakers = [.. work.Executions, arrival, .. work.IsEmpty || !tick.IsCompleted ? [tick] : Array.Empty<Task>()];
                await Task.WhenAny(wakers).WaitAsync(stoppingToken).ConfigureAwait(false);
                foreach (var (startedAt, result) in await work.CollectAsync().ConfigureAwait(false))
                {
                    var outcome = settings.CurrentValue.Ipam.EnableSubnetDiscovery
                        ? await GrowElsewhereAsync(primary, InputFor(session, primary, settings.CurrentValue, PendingGrowth.None), result, stoppingToken).ConfigureAwait(false)
                        : result;
                    Collect(primary, startedAt, outcome);
                }
            }
        }
        finally
        {
            demand.SetServed(false);

            // Let started work finish (or see the stop) before the host disposes what it uses.
            await Task.WhenAll(work.Executions).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private void PlanAndStart(NodeSession session, NodeCard card, VpcCniSettings settings, PoolWorkInFlight work, bool forDemand, CancellationToken cancellationToken)
    {
        // Without provisioning only an operator adds addresses; AddNetwork then fails at once, as upstream's does.
        demand.SetServed(!settings.NetworkResourceProvisioningDisabled);
        if (settings.NetworkResourceProvisioningDisabled)
        {
            if (!forDemand)
            {
                NodeLog.ProvisioningDisabled(logger);
            }

            return;
        }

        try
        {
            // In flight first, then the snapshot: an action finishing in between is counted twice (the
            // plan is short, and the next finish plans again), never missed (which would overgrow).
            var input = InputFor(session, card, settings, work.Pending) with { Demand = demand.Waiting };
            var plan = WarmPoolPlanner.Plan(input);
            if (plan.IsEmpty)
            {
                NodeLog.TickIdle(logger, plan);
                return;
            }

            if (forDemand)
            {
                PoolDemandLog.GrowingForDemand(logger, demand.Waiting, plan.Actions.Count, plan);
            }
            else
            {
                NodeLog.TickActing(logger, plan.Actions.Count, plan);
            }

            work.Start(plan, card.Executor, services.GetRequiredService<INodeMetrics>(), input.Now, cancellationToken);
        }
        catch (VpcCniException ex)
        {
            NodeLog.TickFailed(logger, ex, ex.ErrorId);
        }
    }

    private void Collect(NodeCard card, DateTimeOffset startedAt, PoolExecutionResult result)
    {
        Settle(card, startedAt, result);
        if (result.Failures.Count > 0 && demand.Waiting > 0 && !_demandHeld)
        {
            _demandHeld = true;
            PoolDemandLog.DemandGrowthHeld(logger);
        }
    }
}
