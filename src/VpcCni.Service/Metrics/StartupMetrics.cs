using Microsoft.Extensions.Hosting;
using VpcCni.Service.Kubernetes;

namespace VpcCni.Service.Metrics;

/// <summary>
/// Records <c>awscni_ipamd_startup_duration_seconds</c> once every hosted service has started, which is
/// when the IPAM socket answers (upstream <c>cmd/aws-k8s-agent/main.go</c> observes it when ipamd is
/// ready to serve CNI requests). A failed node initialisation records its own failure sample.
/// </summary>
internal sealed class StartupMetrics(INodeMetrics metrics, NodeKubernetes? kubernetes = null) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        metrics.StartupFinished(success: true, failureReason: string.Empty, withApiServer: kubernetes?.Enabled == true);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
