using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Planning;

namespace VpcCni.Engine.Introspection;

/// <summary>
/// A running node's warm pool for one network card: the targets in force, the counts, and what the
/// warm-pool planner would do at the next tick. The next step is a prediction computed here from the
/// introspection data with the engine's <see cref="WarmPoolPlanner"/>, not what the node reported:
/// the node's own timers (release interval, ENI ages, cooldowns after EC2 errors) are not served and are
/// taken as elapsed.
/// </summary>
public sealed record WarmPoolForecast
{
    public int NetworkCard { get; init; }

    /// <summary>The targets the prediction followed.</summary>
    public required PoolTargets Targets { get; init; }

    /// <summary>The limits the prediction followed.</summary>
    public required PoolLimits Limits { get; init; }

    /// <summary>Where <see cref="Limits"/> came from: <c>metrics</c> or <c>given</c>.</summary>
    public required string LimitsSource { get; init; }

    /// <summary>The pool's counters in its current mode.</summary>
    public required IpamStats Stats { get; init; }

    public bool PrefixDelegation { get; init; }

    public int TotalIps => Stats.TotalIps;

    public int AssignedIps => Stats.AssignedIps;

    public int AvailableIps => Stats.Available;

    public int CooldownIps => Stats.CooldownIps;

    /// <summary>The planner's answer for the next tick.</summary>
    public required PoolPlan Plan { get; init; }

    /// <summary>Always true: <see cref="Plan"/> is computed here, not read from the node.</summary>
    public bool IsPrediction { get; init; } = true;

    /// <summary>The predicted actions in words (<c>grow</c>, <c>release</c>, <c>free</c>), or <c>none</c>.</summary>
    public string NextAction => Plan.IsEmpty ? "none" : string.Join("; ", Plan.Actions.Select(a => a.Reason));

    /// <summary>False while the node is cordoned, as its <c>/v1/node</c> said; the plan then says why it does not grow.</summary>
    public bool NodeSchedulable { get; init; } = true;

    /// <summary>Predicts the next tick of one card (pure); <paramref name="nodeSchedulable"/> false for a cordoned node.</summary>
    public static WarmPoolForecast Predict(DatastoreSnapshot snapshot, PoolTargets targets, PoolLimits limits, string limitsSource, DateTimeOffset now, bool nodeSchedulable = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(targets);
        var inForce = targets with { PrefixDelegation = snapshot.PrefixDelegation };
        var plan = WarmPoolPlanner.Plan(new PoolPlanInput { Snapshot = snapshot, Targets = inForce, Limits = limits, Now = now, NodeSchedulable = nodeSchedulable });
        return new WarmPoolForecast
        {
            NetworkCard = snapshot.NetworkCard,
            Targets = inForce.ForNetworkCard(snapshot.NetworkCard),
            Limits = limits,
            LimitsSource = limitsSource,
            Stats = snapshot.Stats,
            PrefixDelegation = snapshot.PrefixDelegation,
            NodeSchedulable = nodeSchedulable,
            Plan = plan with { Notes = [.. plan.Notes, "prediction: ENI ages and the release interval are not served, so both count as elapsed"] },
        };
    }
}
