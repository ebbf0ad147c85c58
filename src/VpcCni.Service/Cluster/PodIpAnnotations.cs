using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Kubernetes;
using VpcCni.Service.Kubernetes;

namespace VpcCni.Service.Cluster;

/// <summary>
/// <c>ANNOTATE_POD_IP</c>: after AddNetwork the pod's <c>vpc.amazonaws.com/pod-ips</c> annotation holds its
/// address, and after DelNetwork it is gone (upstream <c>pkg/ipamd/rpc_handler.go</c>, which calls
/// <c>AnnotatePod</c> in <c>pkg/ipamd/ipamd.go</c> before it answers, logs a failure and still succeeds).
/// The patch starts before the reply; the call waits for it at most <see cref="ClusterWriteOptions.AnnotationWait"/>,
/// and a slower one finishes in the background within <see cref="ClusterWriteOptions.WriteTimeout"/>,
/// so an unreachable API server delays ADD and DEL by that bound and never fails them. The writes of
/// one pod run one after the other, so a DEL's removal never overtakes the ADD's write.
/// Like upstream, DEL leaves a value alone that is another address (a newer sandbox's). Unlike upstream,
/// which sets the value to an empty string, DEL removes the annotation (a merge patch with null).
/// </summary>
public sealed class PodIpAnnotations : IAsyncDisposable
{
    private readonly NodeKubernetes _kubernetes;
    private readonly KubernetesClusterWriter? _writer;
    private readonly IOptionsMonitor<VpcCniSettings> _settings;
    private readonly ClusterWriteOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _writes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();

    public PodIpAnnotations(
        NodeKubernetes kubernetes, IOptionsMonitor<VpcCniSettings> settings, IOptions<ClusterWriteOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _kubernetes = kubernetes ?? throw new ArgumentNullException(nameof(kubernetes));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options.Value;
        _logger = loggers.CreateLogger<PodIpAnnotations>();
        _writer = kubernetes.Writer;
    }

    /// <summary>After a successful AddNetwork: the annotation becomes <paramref name="address"/>.</summary>
    public Task AddedAsync(string ns, string name, IPAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        return WriteAsync(ns, name, address.ToString(), null, cancellationToken);
    }

    /// <summary>After DelNetwork released <paramref name="released"/>: the annotation is removed unless it names another address.</summary>
    public Task DeletedAsync(string ns, string name, IPAddress released, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(released);
        return WriteAsync(ns, name, null, released.ToString(), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _writes.Values];
        }

        await Task.WhenAll(pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task WriteAsync(string ns, string name, string? value, string? released, CancellationToken cancellationToken)
    {
        if (_writer is null || !_settings.CurrentValue.CustomNetworking.AnnotatePodIp || string.IsNullOrEmpty(ns) || string.IsNullOrEmpty(name))
        {
            return;
        }

        // On DEL, a value naming another address belongs to a newer sandbox of the pod (upstream checks
        // the same). Only a value the view has seen is trusted to skip a write; an older view (our own
        // write not seen yet) must never keep a stale address, so every other case writes.
        if (value is null && Annotation(ns, name) is { Length: > 0 } current && current != released)
        {
            ClusterLog.AnnotationKept(_logger, ns, name, current, released!);
            return;
        }

        var key = $"{ns}/{name}";
        Task write;
        lock (_gate)
        {
            var previous = _writes.GetValueOrDefault(key) ?? Task.CompletedTask;
            write = PatchAfterAsync(previous, ns, name, value);
            _writes[key] = write;
        }

        _ = write.ContinueWith(
            done =>
            {
                lock (_gate)
                {
                    if (_writes.TryGetValue(key, out var latest) && latest == done)
                    {
                        _writes.Remove(key);
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        try
        {
            await write.WaitAsync(_options.AnnotationWait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            ClusterLog.AnnotationInBackground(_logger, ns, name, _options.AnnotationWait);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The call was cancelled; the write goes on by itself.
        }
    }

    private async Task PatchAfterAsync(Task previous, string ns, string name, string? value)
    {
        // Yield first: the caller holds the lock that orders the writes.
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
        try
        {
            using var limit = new CancellationTokenSource(_options.WriteTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, limit.Token);
            await _writer!.PatchPodAnnotationAsync(ns, name, KubernetesClusterWriter.PodIpsAnnotation, value, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException && _stop.IsCancellationRequested)
        {
            // The service is stopping.
        }
        catch (Exception ex)
        {
            // Anything (unreachable, an error status, a timeout): the annotation is a convenience for
            // other agents, never a reason to fail or stall a pod; upstream logs it the same way.
            ClusterLog.AnnotationFailed(_logger, ns, name, value ?? "(removal)", ex.Message);
        }
    }

    private string? Annotation(string ns, string name)
    {
        foreach (var pod in _kubernetes.Views?.Pods.Items ?? [])
        {
            if ((string?)pod["metadata"]?["namespace"] == ns && (string?)pod["metadata"]?["name"] == name)
            {
                return pod["metadata"]?["annotations"]?[KubernetesClusterWriter.PodIpsAnnotation] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            }
        }

        return null;
    }
}
