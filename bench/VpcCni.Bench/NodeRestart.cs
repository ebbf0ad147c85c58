using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Rpc;

namespace VpcCni.Bench;

/// <summary>
/// Time from building a new host on a checkpoint of 110 pods to its first successful AddNetwork:
/// host construction, checkpoint restore and socket bind, in process.
/// </summary>
[SupportedOSPlatform("linux")]
public static class NodeRestart
{
    private const int Pods = 110;

    public static async Task<string> MeasureAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var restarts = options.Quick ? 2 : 20;
        var directory = Directory.CreateTempSubdirectory("vpccni-bench-restart-");
        try
        {
            var socketPath = Path.Combine(directory.FullName, "ipamd.sock");
            await using (var first = NodeServiceBench.BuildHost(directory.FullName))
            {
                NodeServiceBench.Seed(first.Services.GetRequiredService<IpamDatastore>());
                await first.StartAsync(cancellationToken).ConfigureAwait(false);
                using (var channel = UnixSocketChannel.Create(socketPath))
                {
                    var cni = new CNIBackend.CNIBackendClient(channel);
                    for (var i = 0; i < Pods; i++)
                    {
                        await NodeServiceBench.AddAsync(cni, $"pod{i}", cancellationToken).ConfigureAwait(false);
                    }
                }

                await first.StopAsync(cancellationToken).ConfigureAwait(false);
            }

            var ready = new Stats();
            var restored = 0;
            for (var round = 0; round < restarts; round++)
            {
                var start = Stopwatch.GetTimestamp();
                await using var app = NodeServiceBench.BuildHost(directory.FullName);
                var datastore = app.Services.GetRequiredService<IpamDatastore>();
                NodeServiceBench.Seed(datastore);
                restored = (await datastore.RestoreAsync(null, cancellationToken).ConfigureAwait(false)).Restored.Count;
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                using var channel = UnixSocketChannel.Create(socketPath);
                var cni = new CNIBackend.CNIBackendClient(channel);
                await NodeServiceBench.AddAsync(cni, "after-restart", cancellationToken).ConfigureAwait(false);
                ready.AddTicks(Stopwatch.GetTimestamp() - start);

                // Back to 110 pods for the next round; then stop, untimed.
                await cni.DelNetworkAsync(NodeServiceBench.DelRequest("after-restart"), cancellationToken: cancellationToken).ConfigureAwait(false);
                await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
                await app.StopAsync(cancellationToken).ConfigureAwait(false);
            }

            if (restored != Pods)
            {
                throw new InvalidOperationException($"The restore brought back {restored} assignments, not {Pods}");
            }

            var doc = new StringBuilder();
            doc.AppendLine(CultureInfo.InvariantCulture,
                $"**Restart holding {Pods} pods.** A first in-process host (node loop off) takes {Pods} pods over the socket, then stops. Each of {restarts} restarts then times, on the same checkpoint file: building a new host, adding the same ENIs and /32s to its datastore (what node initialisation adds after asking IMDS and EC2), restoring the checkpoint ({restored} assignments back), starting it (socket bound), and the first AddNetwork of a new pod over a new channel answering Success.");
            doc.AppendLine("Not included: process start and runtime start-up (the bench process is already warm), node initialisation's IMDS and EC2 calls, and the host network setup; so this is the service's own share of a restart, not a node's. Goal: ≤ 1 s.").AppendLine();
            doc.AppendLine("| measure | p50 ms | max ms | mean ms | goal |");
            doc.AppendLine("|---|---:|---:|---:|---|");
            doc.AppendLine(CultureInfo.InvariantCulture,
                $"| build + restore {Pods} pods + start + first AddNetwork | {Stats.Ms(ready.Percentile(50))} | {Stats.Ms(ready.Percentile(100))} | {Stats.Ms(ready.Mean)} | ≤ 1 s: {(ready.Percentile(50) <= 1000 ? "met" : "not met")} |");
            return doc.ToString();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
