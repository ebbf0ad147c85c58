using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Kubernetes;

namespace VpcCni.Service.Kubernetes;

/// <summary>
/// The service's link to the cluster: the engine's <see cref="KubernetesNodeViews"/> when a
/// kubeconfig or the in-cluster account is there (<see cref="KubernetesApiOptions"/>), else nothing
/// and the node runs from its environment and local ENIConfig directory. It feeds the ConfigMap to
/// the settings (defaults &lt; ConfigMap &lt; environment, docs/configuration.md) and says, for
/// readiness, whether what it serves is current.
/// </summary>
public sealed class NodeKubernetes : IAsyncDisposable
{
    private readonly KubernetesApiOptions _options;
    private readonly ILogger _logger;
    private readonly KubernetesApiConnection? _connection;
    private readonly Lock _gate = new();
    private bool _started;
    private bool _waited;

    /// <exception cref="VpcCniException"><see cref="ErrorIds.Kubernetes.InvalidKubeconfig"/> or <see cref="ErrorIds.Kubernetes.NoNodeName"/>.</exception>
    public NodeKubernetes(
        IOptions<KubernetesApiOptions> options, IOptions<KubernetesViewOptions> viewOptions, IConfiguration configuration, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(viewOptions);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options.Value;
        _logger = loggers.CreateLogger<NodeKubernetes>();
        if (_options.Enabled == false)
        {
            NotUsing = "Kubernetes:Enabled is false";
            return;
        }

        // KUBECONFIG may list several files (kubectl's rule); the first one is the one used here.
        var path = _options.Kubeconfig is { Length: > 0 } given ? given : configuration["KUBECONFIG"]?.Split(':', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var clientConfiguration = KubernetesClientFactory.Resolve(path);
        if (clientConfiguration is null)
        {
            NotUsing = "no kubeconfig and not running in a pod";
            return;
        }

        var view = viewOptions.Value;
        NodeName = view.NodeName;

        _connection = KubernetesClientFactory.Create(clientConfiguration, path ?? "in-cluster service account", loggers.CreateLogger<KubernetesNodeViews>());
        try
        {
            Views = new KubernetesNodeViews(_connection, view, time, loggers);
            Writer = new KubernetesClusterWriter(_connection, loggers.CreateLogger<KubernetesClusterWriter>());
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>The views; null when the service does not use the API server.</summary>
    public KubernetesNodeViews? Views { get; }

    /// <summary>The one writer for pod annotations and Events over <see cref="Connection"/>; null when the API is not used.</summary>
    public KubernetesClusterWriter? Writer { get; }

    /// <summary>True when the service reads the cluster (the startup metric's <c>with_api_server</c>).</summary>
    public bool Enabled => Views is not null;

    /// <summary>The connection for reads and writes beyond the views (CNINode, a pod the views have not seen yet, pod annotations, Events); null when the API is not used.</summary>
    public KubernetesApiConnection? Connection => Views is null ? null : _connection;

    /// <summary>The API server's address; null when it is not used.</summary>
    public Uri? Server => _connection?.Server;

    /// <summary>The Node object's name the views select.</summary>
    public string NodeName { get; } = string.Empty;

    /// <summary>Why the API server is not used; null when it is.</summary>
    public string? NotUsing { get; }

    /// <summary>Starts the views' list-and-watch loops (once).</summary>
    public void EnsureStarted()
    {
        lock (_gate)
        {
            if (Views is null || _started)
            {
                return;
            }

            _started = true;
            Views.Start();
        }
    }

    /// <summary>
    /// The ConfigMap's data for the settings. The first call starts the views and waits up to
    /// <see cref="KubernetesApiOptions.InitialSyncTimeout"/> for the first read, so variables that only
    /// apply at start (prefix delegation, custom networking) see the ConfigMap; later calls never wait.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ConfigMapData()
    {
        if (Views is null)
        {
            return null;
        }

        EnsureStarted();
        bool wait;
        lock (_gate)
        {
            wait = !_waited;
            _waited = true;
        }

        if (wait && !WaitForConfigMap())
        {
            KubernetesServiceLog.ConfigMapLate(_logger, _options.InitialSyncTimeout);
        }

        return Views.ConfigMapData;
    }

    /// <summary>Null while the API server is off or current; otherwise what readiness should say about it.</summary>
    public string? Degradation()
    {
        if (Views?.State is not { } state || state.Reachable)
        {
            return null;
        }

        return state.UnreachableSince is { } since
            ? $"Kubernetes API unreachable since {since:O} ({state.LastError}); serving from the last state seen{(state.Synced ? $" (resource version {state.ResourceVersion})" : ", which is none yet")}"
            : "Kubernetes API not answered yet";
    }

    public async ValueTask DisposeAsync()
    {
        if (Views is not null)
        {
            await Views.DisposeAsync().ConfigureAwait(false);
        }

        _connection?.Dispose();
    }

    private bool WaitForConfigMap()
    {
        try
        {
            // Once, at start, from the DI resolution of the settings monitor: there is no async path there.
            using var timeout = new CancellationTokenSource(_options.InitialSyncTimeout);
            Views!.ConfigMap.WaitForSyncAsync(timeout.Token).GetAwaiter().GetResult();
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
