using System.Diagnostics;
using System.Runtime.Versioning;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Hosting;
using VpcCni.Simulator.Hosting;

namespace VpcCni.Bench;

/// <summary>
/// One burst: a simulator with <see cref="BurstProfile"/>, a fresh in-process node service against it
/// (node loop on, host network recorded rather than programmed), and <see cref="BurstProfile.Pods"/>
/// AddNetwork calls sent at once as soon as the service has started.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class BurstRun
{
    /// <summary>The actions a growing pool sends; node initialisation's describes before the burst are not among them.</summary>
    private static readonly string[] PoolActions =
    [
        "AssignPrivateIpAddresses", "CreateNetworkInterface", "AttachNetworkInterface", "ModifyNetworkInterfaceAttribute",
        "DescribeInstances", "DescribeSubnets", "UnassignPrivateIpAddresses", "DetachNetworkInterface", "DeleteNetworkInterface",
    ];

    /// <summary>
    /// Runs one burst. <paramref name="upstreamStyle"/>: <c>NodeLoop:AddNetworkWait</c> 0, so an empty
    /// pool fails the call at once and the pool grows one action per tick; each client then tries again
    /// every second, as the kubelet retries a failed sandbox.
    /// </summary>
    public static async Task<BurstResult> RunAsync(bool upstreamStyle, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("vpccni-bench-burst-");
        try
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = BurstProfile.CreateScenario() }, cancellationToken)
                .ConfigureAwait(false);
            await using var app = BuildHost(sim, directory.FullName, upstreamStyle);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);

            // Node initialisation, finished once the host has started, reads the attached ENIs' subnet tags
            // (excluded subnets); that listing is start-up's, not the burst's.
            var startupRequests = sim.RequestLog.Snapshot().Count;
            try
            {
                using var channel = UnixSocketChannel.Create(Path.Combine(directory.FullName, "ipamd.sock"));
                var cni = new CNIBackend.CNIBackendClient(channel);
                var calls = 0;
                var start = Stopwatch.GetTimestamp();
                var pods = Enumerable.Range(0, BurstProfile.Pods).Select(async pod =>
                {
                    var request = NodeServiceBench.AddRequest($"burst-{pod}");
                    while (true)
                    {
                        Interlocked.Increment(ref calls);
                        var reply = await cni.AddNetworkAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
                        if (reply.Success)
                        {
                            return Stopwatch.GetElapsedTime(start);
                        }

                        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                    }
                }).ToArray();
                var times = await Task.WhenAll(pods).WaitAsync(TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
                var log = sim.RequestLog.Snapshot().Skip(startupRequests).ToArray();
                var byAction = PoolActions.ToDictionary(a => a, a => log.Count(r => r.Action == a), StringComparer.Ordinal);
                return new BurstResult(times.Max(), calls, byAction, log.Count(r => r.ErrorCode is not null));
            }
            finally
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static WebApplication BuildHost(SimulatorServer sim, string directory, bool upstreamStyle)
    {
        var builder = NodeServiceHost.CreateBuilder([]);
        var configuration = new Dictionary<string, string?>
        {
            ["IpamSocket:Path"] = Path.Combine(directory, "ipamd.sock"),
            ["Datastore:CheckpointPath"] = Path.Combine(directory, "ipam.json"),
            ["InstanceMetadata:Endpoint"] = sim.ImdsEndpoint.ToString(),
            ["Ec2:Endpoint"] = sim.Ec2Endpoint.ToString(),
            ["Ec2:Region"] = "us-west-2",
            ["HostNetwork:Simulated"] = "true",
            ["DISABLE_INTROSPECTION"] = "true",
            ["DISABLE_METRICS"] = "true",
        };
        if (upstreamStyle)
        {
            configuration["NodeLoop:AddNetworkWait"] = "00:00:00";
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        // The upstream-style run answers hundreds of calls with an empty pool, each a warning.
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("bench", "bench"));
        return NodeServiceHost.Build(builder);
    }
}
