using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using VpcCni.Engine.Rpc;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Bench;

/// <summary>
/// The published <c>vpc-cni-node run</c> as a child process holding 110 pods, against a simulator
/// hosted in this process (the service's shape on a real node: no simulator inside it): resident
/// memory (anonymous and file-backed), threads and CPU time over an idle window, read from /proc,
/// beside upstream's DaemonSet requests.
/// </summary>
[SupportedOSPlatform("linux")]
public static class NodeFootprint
{
    private const int Pods = 110;
    private const string InstanceType = "m5.4xlarge";

    /// <summary>Runs of the child measured; each figure is the median over them (memory varies by a few hundred KiB between runs).</summary>
    private const int Runs = 3;

    /// <summary>Names another vpc-cni-node to measure instead of <c>out/bin/vpc-cni-node</c> (a variant published elsewhere).</summary>
    public const string ExecutableVariable = "VPCCNI_BENCH_NODE";

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
        var runs = options.Quick ? 1 : Runs;
        var samples = new List<FootprintSample>();
        for (var run = 0; run < runs; run++)
        {
            var sample = await MeasureOnceAsync(executable, settle, window, cancellationToken).ConfigureAwait(false);
            Console.Error.WriteLine($"bench: footprint run {run + 1}: {sample}");
            samples.Add(sample);
        }

        var median = FootprintSample.Median(samples);
        var doc = new StringBuilder();
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"{heading} `out/bin/vpc-cni-node` as `build.ps1 -Task Publish` lays it out ({Describe(executable)}, {new FileInfo(executable).Length / 1024.0 / 1024.0:0.0} MiB), run as `vpc-cni-node run` in a child process against the EC2/IMDS simulator hosted in the bench process (one simulated {InstanceType}; `HostNetwork:Simulated`, node loop on, introspection and metrics off), as in docs/service.md, \"Against a simulator that runs elsewhere\"; the pool loop fills the pool while {Pods} pods are added over the socket (each AddNetwork retried until it succeeds).");
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"After {settle.TotalSeconds:0} s of idling, CPU time (utime + stime from /proc/<pid>/stat) over a {window.TotalSeconds:0} s idle window, then VmRSS, VmHWM, RssAnon, RssFile and Threads from /proc/<pid>/status (proc(5)). Each figure is the median of {runs} runs, each a new child process.");
        doc.AppendLine("Reference: upstream's aws-node DaemonSet requests (a scheduling reservation, not a measurement).").AppendLine();
        doc.AppendLine("| measure | ours | upstream DaemonSet request |");
        doc.AppendLine("|---|---:|---:|");
        doc.AppendLine(CultureInfo.InvariantCulture, $"| resident memory (VmRSS), {Pods} pods, idle | {Mib(median.RssKib)} | 40Mi |");
        doc.AppendLine(CultureInfo.InvariantCulture, $"| of which anonymous (RssAnon: GC heap, native allocations, thread stacks) | {Mib(median.AnonKib)} | |");
        doc.AppendLine(CultureInfo.InvariantCulture, $"| of which file-backed (RssFile + RssShmem: the executable's pages, shared libraries) | {Mib(median.FileKib + median.ShmemKib)} | |");
        doc.AppendLine(CultureInfo.InvariantCulture, $"| peak resident memory (VmHWM) since start | {Mib(median.PeakKib)} | |");
        doc.AppendLine(CultureInfo.InvariantCulture, $"| threads | {median.Threads} | |");
        doc.AppendLine(CultureInfo.InvariantCulture, $"| CPU, average over the idle window | {median.Millicores:0.0} millicores | 25m |");
        return doc.ToString();
    }

    private static async Task<FootprintSample> MeasureOnceAsync(string executable, TimeSpan settle, TimeSpan window, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("vpccni-bench-footprint-");
        try
        {
            var scenario = Scenario.FromJson($$"""
                {
                  "vpc": { "cidrBlocks": ["10.0.0.0/16"] },
                  "subnets": [ { "availabilityZone": "us-west-2a", "cidrBlock": "10.0.0.0/19" } ],
                  "instances": [ { "instanceType": "{{InstanceType}}", "availabilityZone": "us-west-2a" } ]
                }
                """);
            await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, cancellationToken).ConfigureAwait(false);
            var socketPath = Path.Combine(directory.FullName, "ipamd.sock");
            var environment = new Dictionary<string, string>
            {
                // The AWS SDKs' own variables, as a rehearsal against a running simulator sets them (docs/service.md).
                ["AWS_EC2_ENDPOINT"] = simulator.Ec2Endpoint.ToString(),
                ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = simulator.ImdsEndpoint.ToString(),
                ["AWS_REGION"] = "us-west-2",
                ["AWS_ACCESS_KEY_ID"] = "bench",
                ["AWS_SECRET_ACCESS_KEY"] = "bench",
                ["HostNetwork__Simulated"] = "true",
                ["IpamSocket__Path"] = socketPath,
                ["Datastore__CheckpointPath"] = Path.Combine(directory.FullName, "ipam.json"),
                ["DISABLE_INTROSPECTION"] = "true",
                ["DISABLE_METRICS"] = "true",
            };
            string[] arguments = ["run", "--config", Path.Combine(directory.FullName, "vpc-cni.env"), "--config-poll", "0"];
            using var child = new ChildNode(executable, arguments, environment);
            await child.SocketPathAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
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
            var cpuBefore = FootprintSample.CpuTicks(child.Id);
            var started = Stopwatch.GetTimestamp();
            await Task.Delay(window, cancellationToken).ConfigureAwait(false);
            var cpuAfter = FootprintSample.CpuTicks(child.Id);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var sample = FootprintSample.Read(child.Id, (cpuAfter - cpuBefore) / (double)clockTicks / elapsed.TotalSeconds * 1000);
            await child.StopAsync().ConfigureAwait(false);
            return sample;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Mib(long kib) => string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0:0.0} MiB");

    /// <summary>
    /// A framework-dependent executable has its assembly and runtimeconfig.json beside it (the GC and
    /// JIT settings it runs with are listed from there); a Native AOT one stands alone.
    /// </summary>
    private static string Describe(string executable)
    {
        var runtimeConfig = executable + ".runtimeconfig.json";
        if (!File.Exists(runtimeConfig))
        {
            return "Native AOT";
        }

        using var json = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        var settings = json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            ? properties.EnumerateObject()
                .Where(p => p.Name.StartsWith("System.GC.", StringComparison.Ordinal) || p.Name.StartsWith("System.Runtime.Tiered", StringComparison.Ordinal))
                .Select(p => $"`{p.Name}={p.Value}`")
                .ToList()
            : [];
        return $"framework-dependent, JIT, runtimeconfig {(settings.Count == 0 ? "without GC or JIT settings" : string.Join(", ", settings))}";
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
        if (Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } variant)
        {
            return File.Exists(variant) ? Path.GetFullPath(variant) : null;
        }

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

    private static long ClockTicksPerSecond()
    {
        using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
        var text = getconf.StandardOutput.ReadToEnd().Trim();
        getconf.WaitForExit();
        return long.TryParse(text, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 ? ticks : 100;
    }
}
