using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// The REST verbs over <see cref="KubeObjectStore"/>: list, get, create, update, patch, delete and
/// watch, answering as the API server does (Kubernetes API concepts, "API verbs" and "Efficient
/// detection of changes"): JSON objects, <c>XList</c> collections carrying the resource version they
/// were read at, <c>Status</c> objects for refusals, and watches as one JSON event per line.
/// </summary>
internal sealed class KubeApiEndpoint(KubeObjectStore store, Func<CancellationToken> outageToken)
{
    public async Task HandleAsync(HttpContext context, Uri endpoint)
    {
        var cancellationToken = context.RequestAborted;
        var path = context.Request.Path.Value ?? "/";
        try
        {
            if (HttpMethods.IsGet(context.Request.Method) && KubeDiscovery.Document(path, endpoint) is { } document)
            {
                await WriteAsync(context, 200, document, cancellationToken).ConfigureAwait(false);
                return;
            }

            var request = KubeApiRequest.Parse(path) ?? throw new KubeApiException(404, "NotFound", $"the server could not find the requested resource ({path})");
            await DispatchAsync(context, request, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException ex)
        {
            await WriteAsync(context, ex.Code, ex.ToStatus(), cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await WriteAsync(context, 400, KubeApiException.BadRequest($"the request body is not JSON: {ex.Message}").ToStatus(), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(HttpContext context, KubeApiRequest request, CancellationToken cancellationToken)
    {
        var (type, ns, name) = request;
        var method = context.Request.Method;
        var query = context.Request.Query;
        if (name is null && HttpMethods.IsGet(method))
        {
            var filter = new KubeWatchFilter(type, ns, KubeSelector.ParseLabels(query["labelSelector"]), KubeSelector.ParseFields(query["fieldSelector"]));
            if (query["watch"] is ["1" or "true"])
            {
                await WatchAsync(context, filter, cancellationToken).ConfigureAwait(false);
                return;
            }

            var (items, version) = store.List(filter);
            await WriteAsync(context, 200, new JsonObject
            {
                ["apiVersion"] = type.ApiVersion,
                ["kind"] = type.ListKind,
                ["metadata"] = new JsonObject { ["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture) },
                ["items"] = new JsonArray([.. items]),
            }, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (status, result) = (method, name) switch
        {
            ("GET", { } n) => (200, store.Get(type, ns, n)),
            ("POST", null) => (201, store.Create(type, ns, await BodyAsync(context, cancellationToken).ConfigureAwait(false))),
            ("PUT", { } n) => (200, store.Update(type, ns, n, await BodyAsync(context, cancellationToken).ConfigureAwait(false))),
            ("PATCH", { } n) => (200, store.Patch(type, ns, n, await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken).ConfigureAwait(false), context.Request.ContentType)),
            ("DELETE", { } n) => (200, store.Delete(type, ns, n)),
            _ => throw new KubeApiException(405, "MethodNotAllowed", $"{method} is not supported on {context.Request.Path}"),
        };
        await WriteAsync(context, status, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams changes as JSON lines until the client goes, <c>timeoutSeconds</c> pass, or the server
    /// becomes unreachable (then the connection is cut). A resource version older than the kept
    /// history is answered, as the API server answers it, with one ERROR event carrying a 410 Status.
    /// </summary>
    private async Task WatchAsync(HttpContext context, KubeWatchFilter filter, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        long? since = null;
        if (query["resourceVersion"] is [{ Length: > 0 } text])
        {
            since = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw KubeApiException.BadRequest($"resourceVersion '{text}' is not a valid resource version");
        }

        var timeout = query["timeoutSeconds"] is [{ } seconds] && int.TryParse(seconds, CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(s)
            : Timeout.InfiniteTimeSpan;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        KubeWatchSubscription subscription;
        try
        {
            subscription = store.Watch(filter, since);
        }
        catch (KubeApiException gone) when (gone.Code == 410)
        {
            var error = new JsonObject { ["type"] = "ERROR", ["object"] = gone.ToStatus() };
            await context.Response.WriteAsync(error.ToJsonString() + "\n", cancellationToken).ConfigureAwait(false);
            return;
        }

        var outage = outageToken();
        using (subscription)
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, outage))
        {
            linked.CancelAfter(timeout);
            await context.Response.StartAsync(linked.Token).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(linked.Token).ConfigureAwait(false);
            try
            {
                await foreach (var change in subscription.Events.ReadAllAsync(linked.Token).ConfigureAwait(false))
                {
                    await context.Response.WriteAsync(change.Line + "\n", linked.Token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(linked.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (outage.IsCancellationRequested)
            {
                context.Abort();
            }
            catch (OperationCanceledException)
            {
                // The client went away or the watch's own timeout passed: the stream just ends.
            }
        }
    }

    private static async Task<JsonObject> BodyAsync(HttpContext context, CancellationToken cancellationToken) =>
        await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken).ConfigureAwait(false) as JsonObject
            ?? throw KubeApiException.BadRequest("the request body must be a JSON object");

    private static async Task WriteAsync(HttpContext context, int status, JsonNode body, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), cancellationToken).ConfigureAwait(false);
    }
}
