using System.Globalization;
using VpcCni.Engine.Introspection;

namespace VpcCni.Engine.NodeSettings;

/// <summary>
/// Judges whether a running node has taken an env-file change and its warm pool has come to rest:
/// <c>/v1/ipamd-env-settings</c> serves the new values of the variables it carries, and the warm-pool
/// planner, run on the node's <c>/v1/enis</c> with the new targets (<see cref="WarmPoolForecast"/>),
/// predicts no action and no addresses in cooldown that a short pool still waits for.
/// </summary>
public static class NodeSettlement
{
    /// <summary>Reads the node once and says whether it has settled.</summary>
    /// <param name="client">The node's introspection client.</param>
    /// <param name="change">The edit that was written.</param>
    /// <param name="metricsEndpoint">The node's metrics endpoint, read for its ENI limits.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<NodeSettleStatus> CheckAsync(IntrospectionClient client, EnvFileChange change, string metricsEndpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(change);
        var served = (await client.GetSettingsAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.Name, s => Text(s.Value), StringComparer.OrdinalIgnoreCase);
        var expected = change.Settings.GetIpamdEnvSettings();
        foreach (var name in change.Changes.Select(c => c.Name).Where(expected.ContainsKey))
        {
            var want = Text(expected[name]);
            if (!served.TryGetValue(name, out var have) || have != want)
            {
                return new NodeSettleStatus(false, $"the node still reports {name}={have ?? "(nothing)"}, waiting for {want}", []);
            }
        }

        var ipam = change.Settings.Ipam;
        var request = new WarmPoolForecastRequest
        {
            MetricsEndpoint = metricsEndpoint,
            MinimumIpTarget = ipam.MinimumIpTarget,
            WarmPrefixTarget = ipam.WarmPrefixTarget,
            CooldownPeriod = ipam.IpCooldownPeriod,
        };
        var pools = await client.GetWarmPoolAsync(request, cancellationToken).ConfigureAwait(false);
        var pending = Pending(pools);
        return new NodeSettleStatus(pending is null, pending ?? Steady(pools), pools);
    }

    /// <summary>What keeps the pools from rest, or null when every card is at rest.</summary>
    public static string? Pending(IReadOnlyList<WarmPoolForecast> pools)
    {
        ArgumentNullException.ThrowIfNull(pools);
        foreach (var pool in pools)
        {
            if (!pool.Plan.IsEmpty)
            {
                return $"card {pool.NetworkCard}: next step {pool.NextAction} ({pool.AvailableIps} available of {pool.TotalIps})";
            }

            // A short pool whose addresses are cooling down grows back without any action (docs/ipam.md: available excludes cooldown).
            if (pool.Plan.TooLow && pool.CooldownIps > 0)
            {
                return $"card {pool.NetworkCard}: {pool.CooldownIps} addresses in cooldown ({pool.AvailableIps} available of {pool.TotalIps})";
            }
        }

        return null;
    }

    private static string Steady(IReadOnlyList<WarmPoolForecast> pools) =>
        "steady: " + string.Join("; ", pools.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"card {p.NetworkCard} has {p.AvailableIps} available, {p.AssignedIps} assigned of {p.TotalIps}")));

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
