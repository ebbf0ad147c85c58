namespace VpcCni.Engine.Ipam.Planning;

/// <summary>Everything one planning tick looks at; the planner reads nothing else.</summary>
public sealed record PoolPlanInput
{
    /// <summary>The card's datastore; its cooldown flags are as of <see cref="DatastoreSnapshot.TakenAt"/>.</summary>
    public required DatastoreSnapshot Snapshot { get; init; }

    public required PoolTargets Targets { get; init; }

    public required PoolLimits Limits { get; init; }

    /// <summary>Now, for ENI ages and the decrease interval.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>When addresses or prefixes were last released; releases are at most every <see cref="DecreaseInterval"/>.</summary>
    public DateTimeOffset? LastDecreaseAt { get; init; }

    /// <summary>The least time between two releases (upstream <c>decreaseIPPoolInterval</c>, 30 s).</summary>
    public TimeSpan DecreaseInterval { get; init; } = WarmPoolPlanner.DecreaseInterval;

    /// <summary>An ENI younger than this is not freed (upstream <c>minENILifeTime</c>, 60 s).</summary>
    public TimeSpan MinimumEniLifetime { get; init; } = EniDeletability.MinimumEniLifetime;

    /// <summary>Growth is paused until then after an insufficient-CIDR error (120 s backoff).</summary>
    public DateTimeOffset? InsufficientCidrBackoffUntil { get; init; }

    /// <summary>
    /// ENIs whose subnet just refused more addresses (<c>InsufficientFreeAddressesInSubnet</c>,
    /// <c>InsufficientCidrBlocks</c>) in this tick: growth fills another ENI or creates one instead
    /// (upstream <c>tryAssignIPs</c> moves on with subnet discovery on).
    /// </summary>
    public IReadOnlySet<string> ExhaustedEniIds { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>False while the Node carries <c>node.kubernetes.io/unschedulable:NoSchedule</c>.</summary>
    public bool NodeSchedulable { get; init; } = true;

    /// <summary>The service is shutting down: change nothing.</summary>
    public bool Terminating { get; init; }

    /// <summary>
    /// AddNetwork calls waiting now for an address (ours; upstream fails them at once). Above 0, or
    /// with <see cref="Pending"/> growth, the plan grows for these calls at once and may hold several
    /// grow actions (docs/ipam.md, "Demand").
    /// </summary>
    public int Demand { get; init; }

    /// <summary>Growth in flight from earlier plans, counted as if it had completed.</summary>
    public PendingGrowth Pending { get; init; } = PendingGrowth.None;
}
