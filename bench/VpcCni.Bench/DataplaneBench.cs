using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Bench;

/// <summary>
/// Wiring and unwiring one pod (veth, pod address/routes/ARP, host route, rules 512 and 1536) with the
/// engine's rtnetlink adapter versus the same steps as iproute2 commands, in throwaway namespaces.
/// </summary>
public sealed class DataplaneBench : IBenchmarkSuite
{
    public string Name => "dataplane";

    public string Title => "Dataplane: wire and unwire one pod (rtnetlink vs iproute2)";

    public string? CannotRunReason() =>
        Environment.IsPrivilegedProcess ? null : "needs root (creates network namespaces, veths and rules).";

    public Task<string> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var iterations = options.Iterations(200);
        var netNs = new NetNs();
        var prefix = "vcnib" + Guid.NewGuid().ToString("N")[..6];
        var node = netNs.Create(prefix + "-node");
        var pod = netNs.Create(prefix + "-pod");
        try
        {
            using var host = RtNetlink.OpenIn(netNs, node);
            var wiring = new PodNetworkWiring(netNs, new ProcSysctl(), host, node, NullLogger<PodNetworkWiring>.Instance);
            var request = new PodNetworkRequest("default", "bench-pod", pod, "eth0", IPAddress.Parse("10.0.1.20"), RouteTable: 2);
            var (engineWire, engineUnwire) = (new Stats(), new Stats());
            var (ipWire, ipUnwire) = (new Stats(), new Stats());

            // One warm-up round each so JIT and the page cache do not land in the first sample.
            wiring.Teardown(request);
            wiring.Setup(request);
            wiring.Teardown(request);
            for (var i = 0; i < iterations; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = Stopwatch.GetTimestamp();
                wiring.Setup(request);
                engineWire.AddTicks(Stopwatch.GetTimestamp() - start);
                start = Stopwatch.GetTimestamp();
                wiring.Teardown(request);
                engineUnwire.AddTicks(Stopwatch.GetTimestamp() - start);
            }

            var (nodeName, podName, veth) = (Path.GetFileName(node), Path.GetFileName(pod), request.HostVeth);
            for (var i = 0; i <= iterations; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = Stopwatch.GetTimestamp();
                DataplaneIproute2.Wire(nodeName, podName, veth, "02:00:00:00:be:01", "10.0.1.20", 2);
                var wired = Stopwatch.GetTimestamp();
                DataplaneIproute2.Unwire(nodeName, "10.0.1.20", 2, veth);
                if (i > 0)
                {
                    ipWire.AddTicks(wired - start);
                    ipUnwire.AddTicks(Stopwatch.GetTimestamp() - wired);
                }
            }

            return Task.FromResult(Table(iterations, engineWire, ipWire, engineUnwire, ipUnwire));
        }
        finally
        {
            netNs.Delete(prefix + "-pod");
            netNs.Delete(prefix + "-node");
        }
    }

    private static string Table(int iterations, Stats engineWire, Stats ipWire, Stats engineUnwire, Stats ipUnwire)
    {
        var doc = new StringBuilder();
        doc.AppendLine(CultureInfo.InvariantCulture, $"{iterations} iterations of ADD then DEL for one secondary-ENI pod (11 wiring steps, 4 unwiring steps), milliseconds.");
        doc.AppendLine("Reference: the same steps as `ip`/`sysctl` commands, one process per step, run right after ours.").AppendLine();
        doc.AppendLine("| operation | engine p50 | engine p99 | engine mean | iproute2 p50 | iproute2 p99 | iproute2 mean | speed-up (mean) |");
        doc.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Row(doc, "wire pod (ADD)", engineWire, ipWire);
        Row(doc, "unwire pod (DEL)", engineUnwire, ipUnwire);
        return doc.ToString();
    }

    private static void Row(StringBuilder doc, string name, Stats ours, Stats reference) =>
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {Stats.Ms(ours.Percentile(50))} | {Stats.Ms(ours.Percentile(99))} | {Stats.Ms(ours.Mean)} | {Stats.Ms(reference.Percentile(50))} | {Stats.Ms(reference.Percentile(99))} | {Stats.Ms(reference.Mean)} | {reference.Mean / ours.Mean:0.0}× |");
}
