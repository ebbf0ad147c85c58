using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// A stateful, in-memory Kubernetes API server on loopback (plain HTTP) for the kinds the node agent
/// and the cluster manifests use (<see cref="KubeResourceCatalog"/>): list with label and field
/// selectors, get, create, update, patch, delete, watch from a resource version, and the discovery
/// documents. Unmodified clients (KubernetesClient, kubectl with <see cref="WriteKubeconfig"/>) work
/// against it. Tests start it in-process (<see cref="StartAsync(KubernetesApiServerOptions, CancellationToken)"/>),
/// feed it manifests (<see cref="LoadYaml"/>), and cut it off (<see cref="SetReachable"/>) to rehearse an outage.
/// </summary>
public sealed class KubernetesApiServer : IHostedService, IAsyncDisposable
{
    private readonly KubernetesApiServerOptions _options;
    private readonly ILogger _logger;
    private readonly KubeApiEndpoint _endpoint;
    private readonly Lock _outageGate = new();
    private CancellationTokenSource _outage = new();
    private volatile bool _reachable = true;
    private WebApplication? _app;
    private Uri? _uri;

    public KubernetesApiServer(KubernetesApiServerOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        _options = options ?? new KubernetesApiServerOptions();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<KubernetesApiServer>();
        Store = new KubeObjectStore(_options.TimeProvider, _options.HistoryLimit);
        _endpoint = new KubeApiEndpoint(Store, OutageToken);
    }

    /// <summary>e.g. <c>http://127.0.0.1:PORT/</c>; an error before the server started.</summary>
    public Uri Endpoint => _uri ?? throw new InvalidOperationException("The Kubernetes API server has not been started.");

    /// <summary>The objects, for tests to read and write directly (every write is seen by watches).</summary>
    public KubeObjectStore Store { get; }

    /// <summary>False while <see cref="SetReachable"/> has cut the server off.</summary>
    public bool IsReachable => _reachable;

    /// <summary>Builds and starts a server in one step (the form tests use).</summary>
    public static async Task<KubernetesApiServer> StartAsync(KubernetesApiServerOptions? options, CancellationToken cancellationToken)
    {
        var server = new KubernetesApiServer(options);
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    /// <summary>Binds 127.0.0.1 and starts serving.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The Kubernetes API server is already started.");
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        ListenOptions? listen = null;
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, _options.Port, l => listen = l);
        });
        var app = builder.Build();
        app.Run(DispatchAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        _uri = new Uri($"http://127.0.0.1:{listen!.IPEndPoint!.Port}/");
        KubernetesApiLog.Started(_logger, _uri);
    }

    /// <summary>Stops listening; open watches end first. The store stays readable.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            _app = null;
            Store.CloseWatches();
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            KubernetesApiLog.Stopped(_logger);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _outage.Dispose();
    }

    /// <summary>
    /// Cuts the server off (false): every open watch connection is aborted and every new request has
    /// its connection closed without an answer, as a client sees an API server it cannot reach. True
    /// serves again; the objects and resource versions are as they were, plus whatever tests wrote meanwhile.
    /// </summary>
    public void SetReachable(bool reachable)
    {
        lock (_outageGate)
        {
            if (_reachable == reachable)
            {
                return;
            }

            _reachable = reachable;
            if (!reachable)
            {
                _outage.Cancel();
                _outage.Dispose();
                _outage = new CancellationTokenSource();
            }
        }

        KubernetesApiLog.Reachability(_logger, reachable ? "reachable" : "unreachable");
    }

    /// <summary>Creates or replaces every object in the manifests (YAML or JSON, <c>---</c>-separated, Lists); returns them as stored.</summary>
    public IReadOnlyList<JsonObject> LoadYaml(string manifests)
    {
        var stored = new List<JsonObject>();
        foreach (var obj in KubeManifestYaml.Read(manifests))
        {
            var type = KubeResourceCatalog.ByKind((string?)obj["apiVersion"], (string?)obj["kind"])
                ?? throw KubeApiException.BadRequest($"no kind {obj["kind"]} in {obj["apiVersion"]} is served here");
            stored.Add(Store.Upsert(type, obj));
        }

        KubernetesApiLog.Loaded(_logger, stored.Count);
        return stored;
    }

    /// <summary>Drops the watch history (etcd compaction): watches resuming from before now get 410 Gone and must list again.</summary>
    public void CompactHistory()
    {
        Store.CompactHistory();
        KubernetesApiLog.Compacted(_logger, Store.ResourceVersion);
    }

    /// <summary>Writes a kubeconfig for this server to <paramref name="path"/> (see <see cref="KubeconfigWriter"/>).</summary>
    public string WriteKubeconfig(string path) => KubeconfigWriter.Write(path, Endpoint);

    private CancellationToken OutageToken()
    {
        lock (_outageGate)
        {
            return _outage.Token;
        }
    }

    private Task DispatchAsync(HttpContext context)
    {
        if (!_reachable)
        {
            context.Abort();
            return Task.CompletedTask;
        }

        return _endpoint.HandleAsync(context, Endpoint);
    }
}
