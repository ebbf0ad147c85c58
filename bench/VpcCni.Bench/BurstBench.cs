using System.Globalization;
using System.Runtime.Versioning;
using System.Text;

namespace VpcCni.Bench;

/// <summary>
/// A burst of pods on an empty node: how long until every pod has an address against the EC2 floor,
/// and how many EC2 calls that took against the fewest possible, with demand-driven growth and with
/// upstream's behaviour for contrast.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class BurstBench : IBenchmarkSuite
{
    public string Name => "burst";

    public string Title => "Pod burst: 100 pods on an empty node";

    public string? CannotRunReason() => OperatingSystem.IsLinux() ? null : "needs Linux (Unix socket)";

    public async Task<string> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var runs = options.Quick ? 1 : 5;
        var ours = new List<BurstResult>();
        for (var i = 0; i < runs; i++)
        {
            ours.Add(await BurstRun.RunAsync(upstreamStyle: false, cancellationToken).ConfigureAwait(false));
        }

        var upstream = await BurstRun.RunAsync(upstreamStyle: true, cancellationToken).ConfigureAwait(false);
        var median = ours.OrderBy(r => r.AllServed).ElementAt(ours.Count / 2);
        var floor = BurstProfile.FloorMs;
        var minimum = BurstProfile.MinimumCalls;

        var doc = new StringBuilder();
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"**{BurstProfile.Pods} AddNetwork calls at once on an empty {BurstProfile.InstanceType}** ({BurstProfile.AddressesPerEni} secondary addresses per ENI, so the primary ENI and {BurstProfile.EnisNeeded} new ENIs). For each run a fresh simulator and a fresh in-process `vpc-cni-node` host against it (node loop on, every default: `WARM_ENI_TARGET=1`, `NodeLoop:MaxPods` 110, a 5 s tick; the host network recorded, `HostNetwork:Simulated`); the calls go out over the Unix socket as soon as the host has started, when initialisation has found the primary ENI without secondary addresses and the first tick has just begun. The time runs from the first call to the last successful reply.");
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"Latency profile of the simulator: {BurstProfile.Describe()}. The simulator's own defaults are 0 ms, which would make the floor a few milliseconds of loopback HTTP and any ratio to it meaningless; these values are of the order EC2 answers in (an assumption, not a measurement of AWS).");
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"Floor: the critical path of the fewest calls, the primary ENI's assign ({BurstProfile.AssignMs} ms) beside the subnet listing of subnet discovery (on by default, as upstream's) and then each new ENI's create → attach → attached → listed in instance metadata ({BurstProfile.BaseCallMs} + {BurstProfile.CreateMs} + {BurstProfile.AttachMs} + {BurstProfile.AttachingMs} + {BurstProfile.ImdsLagMs} ms), the ENIs side by side: {floor} ms. Fewest EC2 calls: one AssignPrivateIpAddresses, one DescribeSubnets, and CreateNetworkInterface, AttachNetworkInterface and ModifyNetworkInterfaceAttribute (DeleteOnTermination) per new ENI: {minimum}.");
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"Ours: {runs} runs, the median by time shown (all times: {string.Join(", ", ours.Select(r => Ms(r.AllServed)))} ms). Upstream-style, one run: `NodeLoop:AddNetworkWait=0` (an empty pool answers `Success=false` at once and the pool grows by one action per tick, as upstream's ipamd) and each client calling again every second, as the kubelet retries a failed sandbox. Goals: time ≤ 1.25 × the floor, EC2 calls ≤ 1.1 × the fewest.").AppendLine();
        doc.AppendLine("| behaviour | all 100 served, ms | vs floor | EC2 calls | vs fewest | AddNetwork calls | EC2 calls by action |");
        doc.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        doc.AppendLine(CultureInfo.InvariantCulture, $"| floor / fewest | {floor} | 1.00× | {minimum} | 1.00× | {BurstProfile.Pods} | |");
        Row(doc, "ours: wait for the pool, grow for the waiting calls side by side", median, floor, minimum);
        Row(doc, "upstream-style: fail at once, one grow action per tick, clients retry every 1 s", upstream, floor, minimum);
        doc.AppendLine();
        var timeRatio = median.AllServed.TotalMilliseconds / floor;
        var callRatio = (double)median.TotalEc2Calls / minimum;
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"Goals: time {timeRatio:0.00}× the floor ({(timeRatio <= 1.25 ? "met" : "not met")}), EC2 calls {callRatio:0.00}× the fewest ({(callRatio <= 1.1 + 1e-9 ? "met" : "not met")}). The one call above the fewest is the DescribeInstances that finds the free device indexes, run beside the first CreateNetworkInterface; ENIs created side by side also share one DescribeSubnets (`EniProvider:SubnetListingReuse`). The upstream-style row is our service with the wait off, so it shares that single DescribeInstances; upstream's ipamd describes the instance before every attach and lists the subnets for every ENI (16 calls here).");
        return doc.ToString();
    }

    private static void Row(StringBuilder doc, string name, BurstResult result, int floor, int minimum)
    {
        var actions = string.Join(", ", result.Ec2Calls.Where(a => a.Value > 0).Select(a => $"{a.Key} {a.Value}"));
        var errors = result.Ec2Errors > 0 ? $"; {result.Ec2Errors} answered with an error" : string.Empty;
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {Ms(result.AllServed)} | {result.AllServed.TotalMilliseconds / floor:0.00}× | {result.TotalEc2Calls} | {(double)result.TotalEc2Calls / minimum:0.00}× | {result.AddNetworkCalls} | {actions}{errors} |");
    }

    private static string Ms(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
}
