using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using VpcCni.Engine.Rpc;

namespace VpcCni.Bench;

/// <summary>
/// The published <c>vpc-cni-node run --simulate</c> as a child process holding 110 pods: resident
/// memory and CPU time over an idle window, read from /proc, beside upstream's DaemonSet requests.
/// </summary>
[SupportedOSPlatform("linux")]
public static class NodeFootprint
{
    private const int Pods = 110;
    private const string InstanceType = "m5.4xlarge";

    public static async Task<string> MeasureAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var heading = $"**Idle footprint holding {Pods} pods.**";
        var executable = FindExecutable();
        if (executable is null)
        {
            return $"{heading} Not run: `out/bin/vpc-cni-node` is missing; run `dotnet pwsh ./build.ps1 -Task Publish` first.";
        }

        var settle = TimeSpan.FromSeconds(options.Quick ? 2 : 20);
        var window = TimeSpan.FromSeconds(options.Quick ? 3 : 30);
        var directory = Directory.CreateTempSubdirectory("vpccni-bench-footprint-");
        try
        {
            var scenario = Path.Combine(directory.FullName, "scenario.json");
            await File.WriteAllTextAsync(scenario, $$"""
                {
                  "vpc": { "cidrBlocks": ["10.0.0.0/16"] },
                  "subnets": [ { "availabilityZone": "us-west-2a", "cidrBlock": "10.0.0.0/19" } ],
                  "instances": [ { "instanceType": "{{InstanceType}}", "availabilityZone": "us-west-2a" } ]
                }
                """, cancellationToken).ConfigureAwait(false);
            using var child = new ChildNode(executable, scenario);
            var socketPath = await child.SocketPathAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
            using (var channel = UnixSocketChannel.Create(socketPath))
            {
                var cni = new CNIBackend.CNIBackendClient(channel);
                for (var i = 0; i < Pods; i++)
                {
                    await AddUntilSuccessAsync(cni, $"footprint-{i}", TimeSpan.FromSeconds(120), cancellationToken).ConfigureAwait(false);
                }
            }

            await Task.Delay(settle, cancellationToken).ConfigureAwait(false);
            var clockTicks = ClockTicksPerSecond();
            var cpuBefore = CpuTicks(child.Id);
            var started = Stopwatch.GetTimestamp();
            await Task.Delay(window, cancellationToken).ConfigureAwait(false);
            var cpuAfter = CpuTicks(child.Id);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var rssKib = StatusKib(child.Id, "VmRSS:");
            var peakKib = StatusKib(child.Id, "VmHWM:");
            await child.StopAsync().ConfigureAwait(false);

            var millicores = (cpuAfter - cpuBefore) / (double)clockTicks / elapsed.TotalSeconds * 1000;
            var doc = new StringBuilder();
            doc.AppendLine(CultureInfo.InvariantCulture,
                $"{heading} The framework-dependent `out/bin/vpc-cni-node` that `build.ps1 -Task Publish` lays out (Debug configuration, its default), run as `vpc-cni-node run --simulate scenario.json` in a child process (one simulated {InstanceType}, node loop on, introspection and metrics off); the pool loop fills the pool from the simulator while {Pods} pods are added over the socket (each AddNetwork retried until it succeeds).");
            doc.AppendLine(CultureInfo.InvariantCulture,
                $"After {settle.TotalSeconds:0} s of idling, CPU time (utime + stime from /proc/<pid>/stat) over a {elapsed.TotalSeconds:0} s idle window, then VmRSS and VmHWM from /proc/<pid>/status.");
            doc.AppendLine("`--simulate` hosts the EC2/IMDS simulator in the same process, so these figures are an upper bound for the service on a real node.");
            doc.AppendLine("Reference: upstream's aws-node DaemonSet requests (a scheduling reservation, not a measurement).").AppendLine();
            doc.AppendLine("| measure | ours | upstream DaemonSet request |");
            doc.AppendLine("|---|---:|---:|");
            doc.AppendLine(CultureInfo.InvariantCulture, $"| resident memory (VmRSS), {Pods} pods, idle | {rssKib / 1024.0:0.0} MiB | 40Mi |");
            doc.AppendLine(CultureInfo.InvariantCulture, $"| peak resident memory (VmHWM) since start | {peakKib / 1024.0:0.0} MiB | |");
            doc.AppendLine(CultureInfo.InvariantCulture, $"| CPU, average over the idle window | {millicores:0.0} millicores | 25m |");
            return doc.ToString();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task AddUntilSuccessAsync(CNIBackend.CNIBackendClient cni, string containerId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var reply = await cni.AddNetworkAsync(NodeServiceBench.AddRequest(containerId), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (reply.Success)
            {
                return;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"AddNetwork {containerId} did not succeed within {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? FindExecutable()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VpcCni.sln")))
            {
                var path = Path.Combine(dir.FullName, "out", "bin", "vpc-cni-node");
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }

    /// <summary>utime + stime in clock ticks: fields 14 and 15 of /proc/&lt;pid&gt;/stat, counted after the command name.</summary>
    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static long StatusKib(int pid, string key)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(key, StringComparison.Ordinal));
        return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static long ClockTicksPerSecond()
    {
        using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
        var text = getconf.StandardOutput.ReadToEnd().Trim();
        getconf.WaitForExit();
        return long.TryParse(text, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 ? ticks : 100;
    }
}
