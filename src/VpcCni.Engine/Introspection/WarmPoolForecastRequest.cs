using VpcCni.Engine.Ipam.Planning;

namespace VpcCni.Engine.Introspection;

/// <summary>
/// What a warm-pool prediction needs beyond introspection. Upstream's <c>/v1/ipamd-env-settings</c>
/// serves only <c>WARM_IP_TARGET</c>, <c>WARM_ENI_TARGET</c>, custom networking and
/// <c>AWS_MANAGE_ENIS_NON_SCHEDULABLE</c>; ours also serves <c>MINIMUM_IP_TARGET</c>,
/// <c>WARM_PREFIX_TARGET</c> and <c>IP_COOLDOWN_PERIOD</c>. A value given here wins; a value neither
/// given nor served (an upstream node) takes upstream's default.
/// </summary>
public sealed record WarmPoolForecastRequest
{
    /// <summary>Upstream's default <c>IP_COOLDOWN_PERIOD</c>, 30 s.</summary>
    public static readonly TimeSpan DefaultCooldown = TimeSpan.FromSeconds(30);

    /// <summary>The node's metrics endpoint, read for the ENI limits (<c>awscni_eni_max</c>, <c>awscni_ip_max</c>) unless <see cref="Limits"/> is given.</summary>
    public string MetricsEndpoint { get; init; } = IntrospectionEndpoint.DefaultMetrics;

    /// <summary>Card 0's limits when known (from the instance type); then the metrics are not read.</summary>
    public PoolLimits? Limits { get; init; }

    /// <summary><c>MINIMUM_IP_TARGET</c>; null: as the node serves it, else 0.</summary>
    public int? MinimumIpTarget { get; init; }

    /// <summary><c>WARM_PREFIX_TARGET</c>; null: as the node serves it, else 0.</summary>
    public int? WarmPrefixTarget { get; init; }

    /// <summary>The node's pod capacity (<c>NodeLoop:MaxPods</c>, 110 by default).</summary>
    public int MaxPods { get; init; } = 110;

    /// <summary><c>IP_COOLDOWN_PERIOD</c>; null: as the node serves it, else 30 s.</summary>
    public TimeSpan? CooldownPeriod { get; init; }
}
