using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Placement;
using VpcCni.Service.Cluster;
using VpcCni.Service.Node;

namespace VpcCni.Service.Introspection;

/// <summary>
/// Answers every request on the introspection listener, as upstream's mux in
/// <c>pkg/ipamd/introspect.go</c> (<c>setupIntrospectionServer</c>) does: a fixed set of paths, and
/// the list of those paths for anything else. Views come from published snapshots and settings.
/// </summary>
internal sealed class IntrospectionHandler(
    IpamDatastore datastore,
    NodeReadiness readiness,
    IOptionsMonitor<VpcCniSettings> settings,
    IEnumerable<IEniConfigSource> eniConfigSources,
    IEnumerable<NodeCards> nodeCards,
    NodeSchedulability schedulability,
    ILogger<IntrospectionHandler> logger)
{
    /// <summary>Every path the listener serves, in the order the unknown-path answer lists them.</summary>
    public static IReadOnlyList<string> Paths { get; } =
    [
        "/v1/enis", "/v1/pods", "/v1/eni-configs", "/v1/ipamd-env-settings", "/v1/networkutils-env-settings", "/v1/node", "/healthz", "/readyz",
    ];

    public Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value ?? "/";
        IntrospectionLog.Request(logger, context.Request.Method, path, context.Connection.RemoteIpAddress);
        var json = IntrospectionJsonContext.Default;
        return path switch
        {
            "/v1/enis" => WriteJsonAsync(context, IntrospectionViews.Enis(Snapshots()), json.SortedDictionaryStringEniInfosView),
            "/v1/pods" => WriteJsonAsync(context, IntrospectionViews.Pods(Snapshots()), json.IReadOnlyListPodView),
            "/v1/eni-configs" => EniConfigsAsync(context),
            "/v1/ipamd-env-settings" => WriteJsonAsync(context, settings.CurrentValue.GetIpamdEnvSettings(), json.IReadOnlyDictionaryStringObject),
            "/v1/networkutils-env-settings" => WriteJsonAsync(context, settings.CurrentValue.GetNetworkUtilsEnvSettings(), json.IReadOnlyDictionaryStringObject),
            "/v1/node" => WriteJsonAsync(context, schedulability.View(), json.IReadOnlyDictionaryStringObject),
            "/healthz" => WriteTextAsync(context, StatusCodes.Status200OK, "ok"),
            "/readyz" => ReadyAsync(context),
            _ => WriteJsonAsync(context, new AvailableCommandsView(Paths), json.AvailableCommandsView),
        };
    }

    /// <summary>Card 0's snapshot, then those of the further cards the node manages.</summary>
    private DatastoreSnapshot[] Snapshots() =>
        [datastore.Snapshot(), .. nodeCards.SelectMany(c => c.Secondary).Select(c => c.Datastore.Snapshot())];

    /// <summary>The ENIConfigs the node's source knows and the one its labels and annotations pick (upstream <c>eniconfig.ENIConfigInfo</c>).</summary>
    private async Task EniConfigsAsync(HttpContext context)
    {
        var configs = new SortedDictionary<string, EniConfigSpecView>(StringComparer.Ordinal);
        var node = NodeObjectMetadata.Empty;
        if (eniConfigSources.FirstOrDefault() is { } source)
        {
            foreach (var config in await source.ListAsync(context.RequestAborted).ConfigureAwait(false))
            {
                configs[config.Name] = new EniConfigSpecView(config.SecurityGroups, config.Subnet);
            }

            node = await source.GetNodeAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var custom = settings.CurrentValue.CustomNetworking;
        var mine = EniConfigSelector.NodeSpecificName(node, custom.EniConfigAnnotationDef, custom.EniConfigLabelDef);
        await WriteJsonAsync(context, new EniConfigInfoView(configs, mine), IntrospectionJsonContext.Default.EniConfigInfoView).ConfigureAwait(false);
    }

    private Task ReadyAsync(HttpContext context)
    {
        var (ready, reason) = readiness.Check();
        if (!ready)
        {
            IntrospectionLog.NotReady(logger, reason);
        }

        var text = ready ? (readiness.Degradation is { } degraded ? $"ok ({degraded})" : "ok") : reason;
        return WriteTextAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, text);
    }

    private static async Task WriteJsonAsync<T>(HttpContext context, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteTextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text + "\n", context.RequestAborted);
    }
}
