using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Rpc;

namespace VpcCni.Engine.Introspection;

/// <summary>
/// Reads a running node service over its introspection listener (docs/service.md, "Introspection";
/// upstream <c>pkg/ipamd/introspect.go</c>) or its Prometheus endpoint, over TCP or a Unix socket.
/// Every failure is a <see cref="VpcCniException"/> with an <see cref="ErrorIds.Introspection"/> id.
/// </summary>
public sealed class IntrospectionClient : IDisposable
{
    /// <summary>How long one request may take unless told otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private const string IpamdSettingsPath = "/v1/ipamd-env-settings";
    private const string NetworkUtilsSettingsPath = "/v1/networkutils-env-settings";

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    /// <param name="endpoint">Any form <see cref="IntrospectionEndpoint.Parse"/> accepts.</param>
    /// <param name="timeout">Per request; <see cref="DefaultTimeout"/> when null.</param>
    /// <param name="timeProvider">For request timeouts and the instant cooldowns are judged at.</param>
    public IntrospectionClient(string endpoint, TimeSpan? timeout = null, TimeProvider? timeProvider = null)
    {
        Endpoint = IntrospectionEndpoint.Parse(endpoint);
        _timeout = timeout ?? DefaultTimeout;
        _time = timeProvider ?? TimeProvider.System;
        HttpMessageHandler handler = Endpoint.SocketPath is { } socket ? UnixSocketChannel.CreateHttpHandler(socket) : new SocketsHttpHandler();
        _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = Endpoint.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    public IntrospectionEndpoint Endpoint { get; }

    /// <summary>Every ENI of every card (<c>/v1/enis</c>), in card and device order.</summary>
    public async Task<IReadOnlyList<NodeEniInfo>> GetEnisAsync(bool includeAddresses, CancellationToken cancellationToken)
    {
        var cards = await GetDatastoresAsync(WarmPoolForecastRequest.DefaultCooldown, cancellationToken).ConfigureAwait(false);
        return cards.SelectMany(c => NodeEniInfo.From(c, includeAddresses)).ToArray();
    }

    /// <summary>Every /28 prefix of every card with its used and free counts; cooling judged with <paramref name="cooldown"/>.</summary>
    public async Task<IReadOnlyList<NodePrefixInfo>> GetPrefixesAsync(TimeSpan cooldown, CancellationToken cancellationToken)
    {
        var cards = await GetDatastoresAsync(cooldown, cancellationToken).ConfigureAwait(false);
        return cards.SelectMany(NodePrefixInfo.From).ToArray();
    }

    /// <summary>Every assigned pod interface (<c>/v1/pods</c>), ordered by namespace and pod, as the node serves them.</summary>
    public async Task<IReadOnlyList<NodePodAllocation>> GetPodsAsync(CancellationToken cancellationToken)
    {
        var pods = await GetJsonAsync("/v1/pods", IntrospectionWireContext.Default.ListPod, cancellationToken).ConfigureAwait(false);
        return pods.Select(IntrospectionSnapshots.Pod).ToArray();
    }

    /// <summary>The variables of <c>/v1/ipamd-env-settings</c> and then <c>/v1/networkutils-env-settings</c>, each by name.</summary>
    public async Task<IReadOnlyList<NodeSetting>> GetSettingsAsync(CancellationToken cancellationToken)
    {
        var settings = new List<NodeSetting>();
        foreach (var path in new[] { IpamdSettingsPath, NetworkUtilsSettingsPath })
        {
            var values = await GetJsonAsync(path, IntrospectionWireContext.Default.DictionaryStringJsonElement, cancellationToken).ConfigureAwait(false);
            settings.AddRange(values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new NodeSetting(v.Key, IntrospectionSnapshots.Value(v.Value), path[4..])));
        }

        return settings;
    }

    /// <summary><c>/readyz</c>: 200 is ready, 503 is not (with the reason); anything else is a bad response.</summary>
    public async Task<IntrospectionReadiness> GetReadinessAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync("/readyz", cancellationToken).ConfigureAwait(false);
        return status switch
        {
            HttpStatusCode.OK => new IntrospectionReadiness(true, body.Trim()),
            HttpStatusCode.ServiceUnavailable => new IntrospectionReadiness(false, body.Trim()),
            _ => throw Status("/readyz", status),
        };
    }

    /// <summary>The body of <paramref name="path"/> as the node served it (for the support bundle, which keeps the node's own JSON and text).</summary>
    public async Task<string> GetRawAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var (status, body) = await SendAsync(path, cancellationToken).ConfigureAwait(false);
        return status == HttpStatusCode.OK ? body : throw Status(path, status);
    }

    /// <summary><c>/healthz</c>: true when the node answers 200 (it is alive, ready or not); the body is its answer.</summary>
    public async Task<IntrospectionReadiness> GetHealthAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync("/healthz", cancellationToken).ConfigureAwait(false);
        return new IntrospectionReadiness(status == HttpStatusCode.OK, status == HttpStatusCode.OK ? body.Trim() : $"{(int)status} {body.Trim()}");
    }

    /// <summary>The samples of <c>/metrics</c> (this client's endpoint being the metrics listener).</summary>
    public async Task<IReadOnlyList<PrometheusSample>> GetMetricsAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync("/metrics", cancellationToken).ConfigureAwait(false);
        return status == HttpStatusCode.OK ? PrometheusTextParser.Parse(body) : throw Status("/metrics", status);
    }

    /// <summary>
    /// The warm pool of every card and the planner's predicted next tick, from <c>/v1/enis</c>,
    /// <c>/v1/ipamd-env-settings</c> and (unless the request gives limits) the metrics' ENI limits.
    /// </summary>
    public async Task<IReadOnlyList<WarmPoolForecast>> GetWarmPoolAsync(WarmPoolForecastRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = await GetJsonAsync(IpamdSettingsPath, IntrospectionWireContext.Default.DictionaryStringJsonElement, cancellationToken).ConfigureAwait(false);
        var cooldown = request.CooldownPeriod ?? TimeSpan.FromSeconds(Integer(settings, "IP_COOLDOWN_PERIOD", (int)WarmPoolForecastRequest.DefaultCooldown.TotalSeconds));
        var cards = await GetDatastoresAsync(cooldown, cancellationToken).ConfigureAwait(false);
        var targets = new PoolTargets
        {
            WarmIpTarget = Integer(settings, "WARM_IP_TARGET", 0),
            WarmEniTarget = Integer(settings, "WARM_ENI_TARGET", 1),
            CustomNetworking = Flag(settings, "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"),
            ManageEnisWhenUnschedulable = Flag(settings, "AWS_MANAGE_ENIS_NON_SCHEDULABLE"),
            MinimumIpTarget = request.MinimumIpTarget ?? Integer(settings, "MINIMUM_IP_TARGET", 0),
            WarmPrefixTarget = request.WarmPrefixTarget ?? Integer(settings, "WARM_PREFIX_TARGET", 0),
        };

        var (limits, source) = request.Limits is { } given
            ? (given, "given")
            : (await LimitsFromMetricsAsync(request, cards.Count > 0 && cards[0].PrefixDelegation, cancellationToken).ConfigureAwait(false), "metrics");
        var schedulable = await NodeSchedulableAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        return cards.Select(card => WarmPoolForecast.Predict(card, targets, limits, source, now, schedulable)).ToArray();
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Whether the node is schedulable (<c>/v1/node</c>, ours: false while it is cordoned). A node that
    /// does not serve the path (upstream, or an older release) answers with its list of paths: schedulable.
    /// </summary>
    private async Task<bool> NodeSchedulableAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync("/v1/node", cancellationToken).ConfigureAwait(false);
        return status != HttpStatusCode.OK
            || !Deserialize(body, "/v1/node", IntrospectionWireContext.Default.DictionaryStringJsonElement).TryGetValue("Schedulable", out var value)
            || value.ValueKind != JsonValueKind.False;
    }

    /// <summary>One datastore snapshot per card, rebuilt from <c>/v1/enis</c>.</summary>
    internal async Task<IReadOnlyList<Ipam.DatastoreSnapshot>> GetDatastoresAsync(TimeSpan cooldown, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync("/v1/enis", cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            throw Status("/v1/enis", status);
        }

        // Before network cards, upstream served one ENIInfos at the top level: read it as card 0.
        var top = Deserialize(body, "/v1/enis", IntrospectionWireContext.Default.DictionaryStringJsonElement);
        var cards = top.ContainsKey("ENIs")
            ? new Dictionary<string, IntrospectionWire.EniInfos>(StringComparer.Ordinal) { ["0"] = Deserialize(body, "/v1/enis", IntrospectionWireContext.Default.EniInfos) }
            : top.ToDictionary(c => c.Key, c => Deserialize(c.Value.GetRawText(), "/v1/enis", IntrospectionWireContext.Default.EniInfos), StringComparer.Ordinal);

        return IntrospectionSnapshots.Datastores(cards, _time.GetUtcNow(), cooldown);
    }

    private async Task<PoolLimits> LimitsFromMetricsAsync(WarmPoolForecastRequest request, bool prefixDelegation, CancellationToken cancellationToken)
    {
        using var metrics = new IntrospectionClient(request.MetricsEndpoint, _timeout, _time);
        var samples = await metrics.GetMetricsAsync(cancellationToken).ConfigureAwait(false);
        var eniMax = samples.FirstOrDefault(s => s.Name == "awscni_eni_max")?.Value ?? 0;
        var ipMax = samples.FirstOrDefault(s => s.Name == "awscni_ip_max")?.Value ?? 0;
        if (eniMax < 1 || ipMax < 1 || double.IsNaN(eniMax) || double.IsNaN(ipMax))
        {
            throw new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.Introspection.LimitsUnknown,
                $"The metrics at {metrics.Endpoint} give no ENI limits yet (awscni_eni_max {eniMax}, awscni_ip_max {ipMax}); the node may still be initialising. Give the instance type instead.");
        }

        // awscni_ip_max = awscni_eni_max × addresses per ENI, × 16 with prefix delegation (docs/service.md, "Metrics").
        var perEni = (int)(ipMax / eniMax) / (prefixDelegation ? PoolLimits.AddressesPerPrefix : 1);
        return new PoolLimits { MaxEni = (int)eniMax, MaxCidrsPerEni = Math.Max(perEni, 1), MaxPods = request.MaxPods };
    }

    private async Task<T> GetJsonAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(path, cancellationToken).ConfigureAwait(false);
        return status == HttpStatusCode.OK ? Deserialize(body, path, type) : throw Status(path, status);
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string path, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            return (response.StatusCode, body);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VpcCniException(VpcCniErrorCategory.Timeout, ErrorIds.Introspection.Timeout,
                string.Create(CultureInfo.InvariantCulture, $"{Endpoint}{path} did not answer within {_timeout.TotalSeconds:0.###} s."), ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            var why = ex.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : ex.Message;
            throw new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.Introspection.Unreachable,
                $"Nothing answers at {Endpoint} ({why}). Is vpc-cni-node running, with introspection enabled at that address?", ex);
        }
    }

    private static T Deserialize<T>(string body, string path, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw IntrospectionSnapshots.BadResponse($"{path} answered null");
        }
        catch (JsonException ex)
        {
            throw IntrospectionSnapshots.BadResponse($"{path} is not the expected JSON ({ex.Message})", ex);
        }
    }

    private VpcCniException Status(string path, HttpStatusCode status) =>
        IntrospectionSnapshots.BadResponse(string.Create(CultureInfo.InvariantCulture, $"{Endpoint}{path} answered HTTP {(int)status} {status}"));

    private static int Integer(Dictionary<string, JsonElement> settings, string name, int fallback) =>
        settings.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : fallback;

    private static bool Flag(Dictionary<string, JsonElement> settings, string name) =>
        settings.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.True;
}
