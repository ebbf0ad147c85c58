using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Configuration;
using VpcCni.Service.Introspection;
using VpcCni.Service.Node;
using VpcCni.Service.Rpc;

namespace VpcCni.Service.Cni;

/// <summary>
/// Writes the CNI configuration once the node is ready, and only then. The kubelet reports the node
/// Ready, and schedules pods on it, as soon as a network configuration appears in its directory;
/// upstream's entrypoint (<c>cmd/aws-vpc-cni/main.go</c>, <c>waitForIPAM</c>) therefore copies the file
/// only after ipamd answers its health check. Here the moment is the one <c>/readyz</c> turns ready:
/// the host has started (the IPAM socket listens) and <see cref="NodeReadiness"/> says an AddNetwork
/// would get an address. The task ends once the file is written or writing is off
/// (<see cref="BackgroundService.ExecuteTask"/>).
/// </summary>
public sealed class CniConfigWriter(
    IOptions<CniConfigOptions> options,
    IOptions<IpamSocketOptions> socket,
    IOptions<NodeHostNetworkOptions> hostNetwork,
    IOptions<IntrospectionOptions> introspection,
    IOptionsMonitor<VpcCniSettings> settings,
    NodeReadiness readiness,
    PoolDemand demand,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<CniConfigWriter> logger) : BackgroundService
{
    /// <summary>How often readiness is checked between the pool loop's signals (a cooldown ending raises none).</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long after a failed write the next attempt comes.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var config = options.Value;
        if (!config.Enabled)
        {
            CniConfigLog.NotWriting(logger, $"{CniConfigOptions.SectionName}:{nameof(CniConfigOptions.Enabled)} is false");
            return;
        }

        if (hostNetwork.Value.Simulated && !config.DirectoryConfigured)
        {
            // A rehearsal must not make this machine's container runtime use the plugin.
            CniConfigLog.NotWriting(logger, $"the host network is simulated and neither {CniConfigOptions.SectionName}:{nameof(CniConfigOptions.Directory)} nor HOST_CNI_CONFDIR_PATH names a directory");
            return;
        }

        await WhenStartedAsync(stoppingToken).ConfigureAwait(false);
        var path = config.FilePath;
        var waitLogged = false;
        while (true)
        {
            // Taken before the check, so a change between the check and the wait is not missed.
            var poolChanged = demand.NextPoolChange;
            var (ready, reason) = readiness.Check();
            var wait = CheckInterval;
            if (ready)
            {
                if (TryWrite(path, config))
                {
                    return;
                }

                wait = RetryInterval;
            }
            else if (!waitLogged)
            {
                CniConfigLog.Waiting(logger, path, reason);
                waitLogged = true;
            }

            await Task.WhenAny(poolChanged, Task.Delay(wait, time, stoppingToken)).ConfigureAwait(false);
            stoppingToken.ThrowIfCancellationRequested();
        }
    }

    private bool TryWrite(string path, CniConfigOptions config)
    {
        try
        {
            var content = CniConfigRenderer.Render(
                settings.CurrentValue, socket.Value.Path, config.NetworkPolicySocket, CniConfigRenderer.IntrospectionDialAddress(introspection.Value));
            CniConfigFile.Replace(path, content);
            var list = JsonNode.Parse(content)!;
            var plugins = string.Join(", ", list["plugins"]!.AsArray().Select(p => (string?)p!["type"]));
            CniConfigLog.Written(logger, path, (string?)list["name"] ?? string.Empty, plugins);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CniConfigLog.WriteFailed(logger, ex, path, RetryInterval);
            return false;
        }
    }

    /// <summary>Completes once every hosted service has started: Kestrel listens on the IPAM socket and its mode is set.</summary>
    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
