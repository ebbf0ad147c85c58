using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using VpcCni.Engine.Linux;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Bench;

/// <summary>
/// The CNI plugin as a runtime executes it: ADD and DEL through libcni (tools/cni-driver) of
/// <c>vpc-cni</c> + portmap against the real node service, beside Debian's <c>ptp</c> + <c>host-local</c>
/// + portmap through the same driver, in the same throwaway node namespace and run; plus each
/// plugin's VERSION wall time (its start-up) and the peak resident set of every plugin process
/// (wait4(2) ru_maxrss). docs/testing-runtimes.md describes the driver.
/// </summary>
public sealed class PluginRuntimeBench : IBenchmarkSuite
{
    private const string ReferenceDirectory = "/usr/lib/cni";

    public string Name => "plugin-runtime";

    public string Title => "CNI plugin through libcni: vpc-cni vs ptp + host-local";

    public string? CannotRunReason()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return "needs root (network namespaces, veths, rules).";
        }

        var missing = new[] { Published("vpc-cni"), Published("vpc-cni-node"), ReferenceDirectory + "/ptp", "/usr/share/gocode/src/github.com/containernetworking/cni/libcni/api.go" }
            .Where(p => !File.Exists(p)).ToList();
        return missing.Count == 0 ? null : $"missing {string.Join(", ", missing)} (`build.ps1 -Task Publish`; Debian packages as in .ci/run).";
    }

    public async Task<string> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rounds = options.Iterations(400);
        var netNs = new NetNs();
        var prefix = "vcnirt" + Guid.NewGuid().ToString("N")[..6];
        var directory = Directory.CreateTempSubdirectory("vpccni-bench-rt-");
        var node = netNs.Create(prefix + "-node");
        var pod = netNs.Create(prefix + "-pod");
        try
        {
            var driver = await BuildDriverAsync(directory.FullName, cancellationToken).ConfigureAwait(false);
            await RunAsync("nsenter", cancellationToken, "--net=" + node, "sh", "-c", "ip link set lo up && sysctl -q -w net.ipv4.ip_forward=1").ConfigureAwait(false);
            var scenario = Scenario.FromJson($$"""
                { "vpc": { "cidrBlocks": ["10.0.0.0/16"] },
                  "subnets": [ { "availabilityZone": "us-west-2a", "cidrBlock": "10.0.0.0/19" } ],
                  "instances": [ { "instanceType": "m5.large", "availabilityZone": "us-west-2a", "netns": "{{node}}" } ] }
                """);
            await using var simulator = netNs.Run(node, () => SimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, cancellationToken).GetAwaiter().GetResult());
            var socket = Path.Combine(directory.FullName, "ipamd.sock");
            using var service = new ChildNode("nsenter", ["--net=" + node, Published("vpc-cni-node"), "run"], new Dictionary<string, string>
            {
                ["AWS_EC2_ENDPOINT"] = simulator.Ec2Endpoint.ToString(),
                ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = simulator.ImdsEndpoint.ToString(),
                ["AWS_REGION"] = "us-west-2",
                ["AWS_ACCESS_KEY_ID"] = "bench",
                ["AWS_SECRET_ACCESS_KEY"] = "bench",
                ["IpamSocket__Path"] = socket,
                ["Datastore__CheckpointPath"] = "/dev/shm/" + prefix + "-ipam.json",
                ["Datastore__CooldownPeriod"] = "00:00:00",
                ["DISABLE_INTROSPECTION"] = "true",
                ["DISABLE_METRICS"] = "true",
            });
            await service.SocketPathAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
            var ours = Network(directory.FullName, "ours", OursConflist(directory.FullName, socket), ("vpc-cni", Published("vpc-cni")), ("portmap", ReferenceDirectory + "/portmap"));
            var reference = Network(directory.FullName, "reference", ReferenceConflist(directory.FullName), ("ptp", ReferenceDirectory + "/ptp"), ("host-local", ReferenceDirectory + "/host-local"), ("portmap", ReferenceDirectory + "/portmap"));

            // Warm-up: the first ADD waits for the pool to have an address; neither side's first round is counted.
            await DriveAsync(driver, node, ours, cancellationToken, "bench", ours.Conflist, pod, "eth0", "3").ConfigureAwait(false);
            await DriveAsync(driver, node, reference, cancellationToken, "bench", reference.Conflist, pod, "eth0", "3").ConfigureAwait(false);
            await PoolAtRestAsync(simulator, cancellationToken).ConfigureAwait(false);

            // Alternating blocks, so that a drift of the machine's load touches both sides alike.
            var (oursRows, referenceRows) = (new List<JsonElement>(), new List<JsonElement>());
            var block = Math.Max(1, rounds / 8);
            for (var done = 0; done < rounds; done += block)
            {
                var count = Math.Min(block, rounds - done).ToString(CultureInfo.InvariantCulture);
                oursRows.AddRange(await DriveAsync(driver, node, ours, cancellationToken, "bench", ours.Conflist, pod, "eth0", count).ConfigureAwait(false));
                referenceRows.AddRange(await DriveAsync(driver, node, reference, cancellationToken, "bench", reference.Conflist, pod, "eth0", count).ConfigureAwait(false));
            }

            var versionRounds = options.Iterations(200).ToString(CultureInfo.InvariantCulture);
            var versions = (await DriveAsync(driver, node, ours, cancellationToken, "version", ours.Conflist, versionRounds).ConfigureAwait(false))
                .Concat(await DriveAsync(driver, node, reference, cancellationToken, "version", reference.Conflist, versionRounds).ConfigureAwait(false)).ToList();
            await service.StopAsync().ConfigureAwait(false);
            return Render(rounds, (rounds + block - 1) / block, oursRows, referenceRows, versions);
        }
        finally
        {
            netNs.Delete(prefix + "-pod");
            netNs.Delete(prefix + "-node");
            File.Delete("/dev/shm/" + prefix + "-ipam.json");
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// "Warm pool": the node's growth after its start and after the warm-up pods shows as EC2 calls on
    /// the simulator; none for 3 s means the pool is at rest, so no round is timed against the node's
    /// own start-up work.
    /// </summary>
    private static async Task PoolAtRestAsync(SimulatorServer simulator, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline && DateTimeOffset.UtcNow - LastEc2Call(simulator) < TimeSpan.FromSeconds(3))
        {
            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
    }

    private static DateTimeOffset LastEc2Call(SimulatorServer simulator)
    {
        var log = simulator.RequestLog.Snapshot();
        return log.Count == 0 ? DateTimeOffset.MinValue : log[^1].Time;
    }

    private static string Render(int rounds, int blocks, List<JsonElement> ours, List<JsonElement> reference, List<JsonElement> versions)
    {
        var doc = new StringBuilder();
        doc.AppendLine(CultureInfo.InvariantCulture, $"{rounds} rounds of ADD then DEL of one pod through libcni 1.1.2 (`tools/cni-driver bench`, run inside a throwaway node namespace), milliseconds, in {blocks} alternating blocks per side after 3 warm-up rounds each and the node's pool at rest (no EC2 call for 3 s).");
        doc.AppendLine("Ours: `out/bin/vpc-cni` (Native AOT) chained with portmap, against `out/bin/vpc-cni-node` (a child process in the node namespace, real host network, its checkpoint on tmpfs, release cooldown 0 so rounds reuse addresses) on the simulator (one m5.large) from a warm pool.");
        doc.AppendLine("Reference: Debian's containernetworking-plugins 1.1.1 `ptp` with `host-local` IPAM (a file store on disk), chained with the same portmap. A whole libcni call includes portmap; \"plugin process\" is the first plugin's own process, fork to reaped exit (ptp's includes its host-local child).");
        doc.AppendLine("Goal: ours no slower than the reference (ratio ≤ 1.0).").AppendLine();
        doc.AppendLine("| measure | vpc-cni p50 | vpc-cni p99 | ptp + host-local p50 | ptp + host-local p99 | ratio p50 (ours / reference) |");
        doc.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var op in new[] { "ADD", "DEL" })
        {
            Row(doc, $"{op}: whole libcni call", Totals(ours, op), Totals(reference, op));
            Row(doc, $"{op}: plugin process", FirstPlugin(ours, op, "wallMs"), FirstPlugin(reference, op, "wallMs"));
        }

        Row(doc, "VERSION: plugin process (start-up and exit)", Versions(versions, "vpc-cni", "wallMs"), Versions(versions, "ptp", "wallMs"));
        doc.AppendLine().AppendLine("Peak resident set of one plugin process (ru_maxrss of the reaped child, MiB; ptp's excludes its host-local child):").AppendLine();
        doc.AppendLine("| invocation | vpc-cni p50 | vpc-cni max | ptp p50 | ptp max |");
        doc.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var op in new[] { "ADD", "DEL" })
        {
            RssRow(doc, op, FirstPlugin(ours, op, "maxRssKiB"), FirstPlugin(reference, op, "maxRssKiB"));
        }

        RssRow(doc, "VERSION", Versions(versions, "vpc-cni", "maxRssKiB"), Versions(versions, "ptp", "maxRssKiB"));
        return doc.ToString();
    }

    private static void Row(StringBuilder doc, string label, Stats ours, Stats reference) =>
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"| {label} | {Stats.Ms(ours.Percentile(50))} | {Stats.Ms(ours.Percentile(99))} | {Stats.Ms(reference.Percentile(50))} | {Stats.Ms(reference.Percentile(99))} | {ours.Percentile(50) / reference.Percentile(50):0.00} |");

    private static void RssRow(StringBuilder doc, string label, Stats ours, Stats reference) =>
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"| {label} | {ours.Percentile(50) / 1024:0.0} | {ours.Percentile(100) / 1024:0.0} | {reference.Percentile(50) / 1024:0.0} | {reference.Percentile(100) / 1024:0.0} |");

    private static Stats Totals(List<JsonElement> rows, string op) =>
        Collect(rows.Where(r => r.GetProperty("op").GetString() == op).Select(r => r.GetProperty("totalMs").GetDouble()));

    private static Stats FirstPlugin(List<JsonElement> rows, string op, string field) =>
        Collect(rows.Where(r => r.GetProperty("op").GetString() == op)
            .Select(r => r.GetProperty("plugins").EnumerateArray().First(p => p.GetProperty("plugin").GetString() != "portmap").GetProperty(field).GetDouble()));

    private static Stats Versions(List<JsonElement> rows, string plugin, string field) =>
        Collect(rows.SelectMany(r => r.GetProperty("plugins").EnumerateArray()).Where(p => p.GetProperty("plugin").GetString() == plugin).Select(p => p.GetProperty(field).GetDouble()));

    private static Stats Collect(IEnumerable<double> values)
    {
        var stats = new Stats();
        foreach (var value in values)
        {
            stats.Add(TimeSpan.FromMilliseconds(value));
        }

        return stats;
    }

    private static (string Bin, string Cache, string Conflist) Network(string root, string name, string conflist, params (string Name, string Target)[] plugins)
    {
        var bin = Directory.CreateDirectory(Path.Combine(root, name, "bin")).FullName;
        foreach (var (plugin, target) in plugins)
        {
            File.CreateSymbolicLink(Path.Combine(bin, plugin), target);
        }

        var path = Path.Combine(root, name, "10-bench.conflist");
        File.WriteAllText(path, conflist);
        return (bin, Directory.CreateDirectory(Path.Combine(root, name, "cache")).FullName, path);
    }

    private static string OursConflist(string root, string socket) => $$"""
        { "cniVersion": "1.0.0", "name": "aws-cni", "plugins": [
          { "name": "aws-cni", "type": "vpc-cni", "vethPrefix": "eni", "mtu": "9001", "podSGEnforcingMode": "strict",
            "pluginLogFile": "{{root}}/plugin.log", "pluginLogLevel": "INFO", "ipamSocket": "{{socket}}", "networkPolicySocket": "{{root}}/npa.sock" },
          { "type": "portmap", "capabilities": { "portMappings": true }, "snat": true } ] }
        """;

    private static string ReferenceConflist(string root) => $$"""
        { "cniVersion": "1.0.0", "name": "reference", "plugins": [
          { "type": "ptp", "ipMasq": false, "mtu": 9001, "ipam": { "type": "host-local", "subnet": "10.77.0.0/24", "dataDir": "{{root}}/host-local" } },
          { "type": "portmap", "capabilities": { "portMappings": true }, "snat": true } ] }
        """;

    private static async Task<List<JsonElement>> DriveAsync(string driver, string node, (string Bin, string Cache, string Conflist) network, CancellationToken cancellationToken, params string[] arguments)
    {
        var stdout = await RunAsync("nsenter", cancellationToken, ["--net=" + node, driver, "-path", network.Bin, "-cache", network.Cache, "-pod-name", "bench-pod", .. arguments]).ConfigureAwait(false);
        return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    /// <summary>tools/cni-driver built offline against Debian's libcni source (GOPATH mode).</summary>
    private static async Task<string> BuildDriverAsync(string directory, CancellationToken cancellationToken)
    {
        var output = Path.Combine(directory, "cni-driver");
        var build = new ProcessStartInfo("go", ["build", "-o", output, "."]) { WorkingDirectory = Path.Combine(BenchPaths.Root(), "tools", "cni-driver") };
        build.Environment["GO111MODULE"] = "off";
        build.Environment["GOPATH"] = "/usr/share/gocode";
        build.Environment["GOFLAGS"] = string.Empty;
        build.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "vpccni-go-cache");
        await RunAsync(build, cancellationToken).ConfigureAwait(false);
        return output;
    }

    private static string Published(string name) => BenchPaths.Published(name);

    private static Task<string> RunAsync(string program, CancellationToken cancellationToken, params string[] arguments) =>
        RunAsync(new ProcessStartInfo(program, arguments), cancellationToken);

    private static async Task<string> RunAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode == 0
            ? await stdout.ConfigureAwait(false)
            : throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {await stdout.ConfigureAwait(false)}{await stderr.ConfigureAwait(false)}");
    }
}
