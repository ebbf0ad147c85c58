using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Autorest;
using Microsoft.Extensions.Logging;

namespace VpcCni.Engine.Kubernetes;

/// <summary>
/// One list-and-watch of a collection (the informer pattern, KubernetesClient and client-go's
/// reflector): list once, then watch from the list's resource version, apply every ADDED, MODIFIED
/// and DELETED to an immutable snapshot, and on the stream's end watch again from the last version
/// seen. A 410 Gone (as an HTTP status or as an ERROR event) means the version is too old: list again.
/// A failure (the server cannot be reached, the stream breaks) keeps the last snapshot, marks the view
/// unreachable and retries with exponential back-off; readers are never blocked by the network.
/// </summary>
public sealed class KubernetesResourceCache : IAsyncDisposable
{
    private readonly KubernetesApiConnection _connection;
    private readonly KubernetesResourceQuery _query;
    private readonly KubernetesViewOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private ImmutableSortedDictionary<string, JsonObject> _items = ImmutableSortedDictionary<string, JsonObject>.Empty.WithComparers(StringComparer.Ordinal);
    private KubernetesViewState _state = KubernetesViewState.Initial;
    private Task? _loop;

    public KubernetesResourceCache(KubernetesApiConnection connection, KubernetesResourceQuery query, KubernetesViewOptions options, TimeProvider time, ILogger logger)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _query = query ?? throw new ArgumentNullException(nameof(query));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Raised after every change of <see cref="Items"/> (a list or a watch event), on the watch's thread.</summary>
    public event EventHandler? Changed;

    public KubernetesResourceQuery Query => _query;

    /// <summary>The objects as last seen, by <c>namespace/name</c> (cluster-scoped: <c>name</c>).</summary>
    public IReadOnlyList<JsonObject> Items => [.. Volatile.Read(ref _items).Values];

    public KubernetesViewState State => Volatile.Read(ref _state);

    /// <summary>Starts listing and watching in the background (once).</summary>
    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Completes once the first list has succeeded.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is { } loop)
        {
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        string? version = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                version ??= await ListAsync(cancellationToken).ConfigureAwait(false);
                failures = 0;
                version = await WatchAsync(version, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpOperationException ex) when (KubernetesApiConnection.IsGone(ex))
            {
                KubernetesLog.Expired(_logger, _query.Description, version ?? string.Empty);
                version = null;
            }
            catch (KubernetesWatchExpiredException)
            {
                KubernetesLog.Expired(_logger, _query.Description, version ?? string.Empty);
                version = null;
            }
            catch (Exception ex)
            {
                // Anything else (the server unreachable, a broken stream, an error status, a malformed
                // answer, a Changed handler's failure) leaves the snapshot as it is and retries: the
                // loop must outlive every failure, since readers depend on it coming back.
                failures++;
                var delay = Backoff(failures);
                MarkUnreachable(ex);
                KubernetesLog.Unreachable(_logger, _query.Description, ex.Message, State.ResourceVersion, delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var list = await _connection.GetObjectAsync(_query.RelativeUri(), cancellationToken).ConfigureAwait(false);
        var version = (string?)list["metadata"]?["resourceVersion"] ?? string.Empty;
        var items = ImmutableSortedDictionary.CreateBuilder<string, JsonObject>(StringComparer.Ordinal);
        foreach (var item in (list["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            items[Key(item)] = item;
        }

        Volatile.Write(ref _items, items.ToImmutable());
        _synced.TrySetResult();
        MarkReachable(version);
        KubernetesLog.Listed(_logger, _query.Description, items.Count, version);
        Changed?.Invoke(this, EventArgs.Empty);
        return version;
    }

    /// <summary>Applies events until the stream ends; returns the last resource version seen.</summary>
    private async Task<string> WatchAsync(string version, CancellationToken cancellationToken)
    {
        // The server ends the watch after timeoutSeconds; a client-side limit a little later catches a
        // connection that went silent without closing (a partition), which no read would notice.
        using var limit = new CancellationTokenSource(_options.WatchTimeout + _options.WatchTimeoutGrace, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        using var response = await _connection.OpenStreamAsync(_query.RelativeUri(version, _options.WatchTimeout), linked.Token).ConfigureAwait(false);
        MarkReachable(version);
        await using var body = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
        using var reader = new StreamReader(body);
        try
        {
            while (await reader.ReadLineAsync(linked.Token).ConfigureAwait(false) is { } line)
            {
                if (line.Length > 0)
                {
                    version = Apply(JsonNode.Parse(line) as JsonObject ?? throw new JsonException("A watch event is not a JSON object."), version);
                }
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The client-side limit: watch again from where the stream got to.
        }

        return version;
    }

    private string Apply(JsonObject change, string version)
    {
        var type = (string?)change["type"];
        var obj = change["object"] as JsonObject;
        if (type == "ERROR")
        {
            var message = (string?)obj?["message"] ?? change.ToJsonString();
            if ((int?)obj?["code"] == 410)
            {
                throw new KubernetesWatchExpiredException(message);
            }

            KubernetesLog.WatchError(_logger, _query.Description, message);
            throw new JsonException($"The watch of {_query.Description} failed: {message}");
        }

        if (obj is null)
        {
            return version;
        }

        var next = (string?)obj["metadata"]?["resourceVersion"] ?? version;
        if (type == "BOOKMARK")
        {
            MarkReachable(next);
            return next;
        }

        var key = Key(obj);
        var items = Volatile.Read(ref _items);
        Volatile.Write(ref _items, type == "DELETED" ? items.Remove(key) : items.SetItem(key, obj));
        MarkReachable(next);
        Changed?.Invoke(this, EventArgs.Empty);
        return next;
    }

    private void MarkReachable(string version)
    {
        var previous = State;
        if (previous.UnreachableSince is { } since)
        {
            var outage = _time.GetUtcNow() - since;
            KubernetesLog.Recovered(_logger, _query.Description, outage, version);
        }

        Volatile.Write(ref _state, new KubernetesViewState(_synced.Task.IsCompleted, Reachable: true, null, null, version));
    }

    private void MarkUnreachable(Exception error)
    {
        var previous = State;
        Volatile.Write(ref _state, previous with
        {
            Reachable = false,
            UnreachableSince = previous.UnreachableSince ?? _time.GetUtcNow(),
            LastError = error.Message,
        });
    }

    private TimeSpan Backoff(int failures)
    {
        var exponent = Math.Min(failures - 1, 16);
        var delay = _options.MinimumBackoff * Math.Pow(2, exponent);
        return delay > _options.MaximumBackoff ? _options.MaximumBackoff : delay;
    }

    private static string Key(JsonObject obj) =>
        (string?)obj["metadata"]?["namespace"] is { Length: > 0 } ns ? $"{ns}/{(string?)obj["metadata"]?["name"]}" : (string?)obj["metadata"]?["name"] ?? string.Empty;
}
