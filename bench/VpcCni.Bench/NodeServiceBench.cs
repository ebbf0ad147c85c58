using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.Versioning;
using System.Text;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Checkpoint;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Hosting;

namespace VpcCni.Bench;

/// <summary>
/// The node service as the CNI plugin sees it: AddNetwork/DelNetwork over the real Unix socket from
/// a warm pool, beside the floor of one gRPC call on the same channel (the health Check).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class NodeServiceBench : IBenchmarkSuite
{
    private const int EniCount = 4;
    private const int AddressesPerEni = 29;
    private const int ResidentPods = 100;

    public string Name => "node";

    public string Title => "Node service: IPAM socket and restart";

    public string? CannotRunReason() => OperatingSystem.IsLinux() ? null : "needs Linux (Unix socket, /proc)";

    public async Task<string> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var doc = new StringBuilder();
        await SocketLatencyAsync(options, doc, cancellationToken).ConfigureAwait(false);
        doc.AppendLine();
        doc.AppendLine((await NodeRestart.MeasureAsync(options, cancellationToken).ConfigureAwait(false)).TrimEnd());
        return doc.ToString();
    }

    private static async Task SocketLatencyAsync(BenchOptions options, StringBuilder doc, CancellationToken cancellationToken)
    {
        var iterations = options.Iterations(2000);
        // On a node the checkpoint lives under /var/run, a tmpfs (file-hierarchy(7)); /dev/shm is one here.
        var (check, add, del, _) = await RoundsAsync(CheckpointDurability.Durable, iterations, NodeRunDirectory, cancellationToken).ConfigureAwait(false);
        var (_, diskAdd, diskDel, fileSystem) = await RoundsAsync(CheckpointDurability.Durable, iterations, null, cancellationToken).ConfigureAwait(false);
        var (_, atomicAdd, atomicDel, _) = await RoundsAsync(CheckpointDurability.Atomic, iterations, null, cancellationToken).ConfigureAwait(false);
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"**AddNetwork over the socket from a warm pool.** In-process `vpc-cni-node` host (node loop off, introspection and metrics off), its datastore seeded with {EniCount} ENIs × {AddressesPerEni} secondary /32s and already holding {ResidentPods} pods (added over the socket first), the release cooldown (`Datastore:CooldownPeriod`, upstream `IP_COOLDOWN_PERIOD`) set to 0 so the rounds can reuse addresses.");
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"Then {iterations} sequential rounds, after a warm-up, on one warm channel over the Unix socket: a health Check, an AddNetwork, a DelNetwork of the same pod. Every AddNetwork and DelNetwork rewrites the checkpoint before it answers: with the default `Datastore:CheckpointDurability=Durable` a temporary file, an fsync, a rename and an fsync of the directory, with `Atomic` only the temporary file and the rename. First in a tmpfs directory (`{NodeRunDirectory}`), as the default `/var/run/aws-node/ipam.json` is on a node, then, on further hosts with the same rounds, in the temporary directory ({fileSystem}) with each durability.");
        doc.AppendLine("Reference: the gRPC health `Check` on the same channel, the floor of one gRPC call over this socket. Goal: AddNetwork p50 ≤ 1 ms.").AppendLine();
        doc.AppendLine("| call over the socket | p50 ms | p99 ms | mean ms | vs reference (p50) | goal |");
        doc.AppendLine("|---|---:|---:|---:|---:|---|");
        Row(doc, "reference: grpc.health.v1 Check", check, check, string.Empty);
        Row(doc, "AddNetwork (warm pool, checkpoint Durable on tmpfs, as on a node)", add, check, $"p50 ≤ 1 ms: {(add.Percentile(50) <= 1 ? "met" : "not met")}");
        Row(doc, "DelNetwork (checkpoint Durable on tmpfs)", del, check, string.Empty);
        Row(doc, "AddNetwork (warm pool, checkpoint Durable on disk)", diskAdd, check, string.Empty);
        Row(doc, "DelNetwork (checkpoint Durable on disk)", diskDel, check, string.Empty);
        Row(doc, "AddNetwork (warm pool, checkpoint Atomic on disk)", atomicAdd, check, string.Empty);
        Row(doc, "DelNetwork (checkpoint Atomic on disk)", atomicDel, check, string.Empty);
    }

    private static async Task<(Stats Check, Stats Add, Stats Del, string FileSystem)> RoundsAsync(
        CheckpointDurability durability, int iterations, string? parent, CancellationToken cancellationToken)
    {
        var directory = parent is null
            ? Directory.CreateTempSubdirectory("vpccni-bench-node-")
            : Directory.CreateDirectory(Path.Combine(parent, $"vpccni-bench-node-{Guid.NewGuid():N}"));
        try
        {
            var socketPath = Path.Combine(directory.FullName, "ipamd.sock");
            await using var app = BuildHost(directory.FullName, durability);
            Seed(app.Services.GetRequiredService<IpamDatastore>());
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var channel = UnixSocketChannel.Create(socketPath);
                var cni = new CNIBackend.CNIBackendClient(channel);
                var health = new Health.HealthClient(channel);
                for (var i = 0; i < ResidentPods; i++)
                {
                    await AddAsync(cni, $"resident-{i}", cancellationToken).ConfigureAwait(false);
                }

                for (var i = 0; i < Math.Max(1, iterations / 10); i++)
                {
                    await health.CheckAsync(new HealthCheckRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    await AddAsync(cni, "warmup", cancellationToken).ConfigureAwait(false);
                    await cni.DelNetworkAsync(DelRequest("warmup"), cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                var check = new Stats();
                var add = new Stats();
                var del = new Stats();
                for (var i = 0; i < iterations; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await health.CheckAsync(new HealthCheckRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    check.AddTicks(Stopwatch.GetTimestamp() - start);

                    var id = $"bench-{i}";
                    start = Stopwatch.GetTimestamp();
                    await AddAsync(cni, id, cancellationToken).ConfigureAwait(false);
                    add.AddTicks(Stopwatch.GetTimestamp() - start);

                    start = Stopwatch.GetTimestamp();
                    var deleted = await cni.DelNetworkAsync(DelRequest(id), cancellationToken: cancellationToken).ConfigureAwait(false);
                    del.AddTicks(Stopwatch.GetTimestamp() - start);
                    if (!deleted.Success)
                    {
                        throw new InvalidOperationException($"DelNetwork {id} failed");
                    }
                }

                return (check, add, del, FileSystemOf(directory.FullName));
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

    /// <summary>The host with its socket and checkpoint in <paramref name="directory"/>, node loop, introspection and metrics off.</summary>
    internal static WebApplication BuildHost(string directory, CheckpointDurability durability = CheckpointDurability.Durable)
    {
        var builder = NodeServiceHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IpamSocket:Path"] = Path.Combine(directory, "ipamd.sock"),
            ["Datastore:CheckpointPath"] = Path.Combine(directory, "ipam.json"),
            ["Datastore:CheckpointDurability"] = durability.ToString(),
            ["NodeLoop:Enabled"] = "false",
            ["DISABLE_INTROSPECTION"] = "true",
            ["DISABLE_METRICS"] = "true",

            // Its pool is ready at once: the host would otherwise write this machine's /etc/cni/net.d (docs/cni-config.md).
            ["CniConfig:Enabled"] = "false",

            // A deleted address otherwise waits 30 s before reuse, and the rounds would drain the pool.
            ["Datastore:CooldownPeriod"] = "00:00:00",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return NodeServiceHost.Build(builder);
    }

    /// <summary>The ENIs and /32s of an instance with <see cref="EniCount"/> ENIs, the primary ENI first.</summary>
    internal static void Seed(IpamDatastore datastore)
    {
        for (var eni = 0; eni < EniCount; eni++)
        {
            var id = $"eni-bench{eni}";
            datastore.AddEni(new EniDescriptor { Id = id, DeviceNumber = eni, IsPrimary = eni == 0, RouteTableId = eni == 0 ? 254 : eni + 1 });
            for (var i = 0; i < AddressesPerEni; i++)
            {
                datastore.AddCidr(id, new IPNetwork(IPAddress.Parse($"10.0.{eni + 1}.{10 + i}"), 32));
            }
        }
    }

    internal static async Task AddAsync(CNIBackend.CNIBackendClient cni, string containerId, CancellationToken cancellationToken)
    {
        var reply = await cni.AddNetworkAsync(AddRequest(containerId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!reply.Success)
        {
            throw new InvalidOperationException($"AddNetwork {containerId} failed");
        }
    }

    internal static AddNetworkRequest AddRequest(string containerId) => new()
    {
        K8SPODNAME = $"pod-{containerId}",
        K8SPODNAMESPACE = "default",
        K8SPODINFRACONTAINERID = containerId,
        Netns = $"/var/run/netns/cni-{containerId}",
        IfName = "eth0",
        NetworkName = "aws-cni",
        ContainerID = containerId,
        ClientVersion = "v1.23.0",
    };

    internal static DelNetworkRequest DelRequest(string containerId) => new()
    {
        K8SPODNAME = $"pod-{containerId}",
        K8SPODNAMESPACE = "default",
        K8SPODINFRACONTAINERID = containerId,
        IfName = "eth0",
        NetworkName = "aws-cni",
        ContainerID = containerId,
        ClientVersion = "v1.23.0",
        Reason = "PodDeleted",
    };

    private const string NodeRunDirectory = "/dev/shm";

    private static string FileSystemOf(string path)
    {
        try
        {
            return $"{new DriveInfo(path).DriveFormat} file system";
        }
        catch (IOException)
        {
            return "file system of the temporary directory";
        }
    }

    private static void Row(StringBuilder doc, string name, Stats m, Stats reference, string goal) =>
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {Stats.Ms(m.Percentile(50))} | {Stats.Ms(m.Percentile(99))} | {Stats.Ms(m.Mean)} | {m.Percentile(50) / reference.Percentile(50):0.0}× | {goal} |");
}
