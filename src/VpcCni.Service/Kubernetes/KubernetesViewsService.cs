using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Configuration;

namespace VpcCni.Service.Kubernetes;

/// <summary>
/// Runs the Kubernetes views for the host's lifetime: every ConfigMap change reloads the settings
/// (<see cref="VpcCniSettingsMonitor.Reload"/>, so warm-pool targets follow without a restart), and
/// the API server's reachability is logged when it changes. Does nothing when the API is not used.
/// </summary>
internal sealed class KubernetesViewsService(NodeKubernetes kubernetes, VpcCniSettingsMonitor settings, TimeProvider time, ILogger<KubernetesViewsService> logger)
    : BackgroundService
{
    private static readonly TimeSpan StatePoll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (kubernetes.Views is not { } views)
        {
            KubernetesServiceLog.NotUsing(logger, kubernetes.NotUsing ?? "off");
            return;
        }

        KubernetesServiceLog.Using(logger, kubernetes.Server!, kubernetes.NodeName);
        views.ConfigMap.Changed += OnConfigMapChanged;
        try
        {
            kubernetes.EnsureStarted();

            // A change between the settings' first bind and the subscription above would otherwise be missed.
            Reload();
            DateTimeOffset? down = null;
            using var timer = new PeriodicTimer(StatePoll, time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var state = views.State;
                if (!state.Reachable && state.UnreachableSince is { } since && down is null)
                {
                    down = since;
                    KubernetesServiceLog.Unreachable(logger, since, state.LastError ?? "no answer");
                }
                else if (state.Reachable && down is { } began)
                {
                    down = null;
                    var outage = time.GetUtcNow() - began;
                    KubernetesServiceLog.Reachable(logger, outage);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        finally
        {
            views.ConfigMap.Changed -= OnConfigMapChanged;
        }
    }

    private void OnConfigMapChanged(object? sender, EventArgs e) => Reload();

    private void Reload()
    {
        var result = settings.Reload();
        if (result.AppliedChanges.Count > 0 || result.RestartRequired.Count > 0)
        {
            KubernetesServiceLog.ConfigMapApplied(logger, result.AppliedChanges, result.RestartRequired);
        }
    }
}
