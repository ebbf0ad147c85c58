using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace VpcCni.Bench;

/// <summary>
/// The PowerShell module as an admin meets it: <c>Import-Module</c> of out/VpcCni in a fresh
/// <c>pwsh</c> (the reference: Pester, a large script module every PowerShell user has, imported the same
/// way), and <c>Get-VpcCniEni</c> against a local simulated node, first call and warm, beside
/// <c>Invoke-RestMethod -UnixSocket</c> reading the same <c>/v1/enis</c> in the same process (the floor:
/// one HTTP request and JSON parse with no cmdlet around it). Timings are taken inside pwsh with a
/// Stopwatch, so pwsh's own start-up is not counted.
/// </summary>
public sealed class ModuleBench : IBenchmarkSuite
{
    private const string ImportScript = """
        $ErrorActionPreference = 'Stop'
        $clock = [Diagnostics.Stopwatch]::StartNew()
        Import-Module $env:VPCCNI_BENCH_IMPORT
        "import=$($clock.Elapsed.TotalMilliseconds)"
        """;

    private const string CallScript = """
        $ErrorActionPreference = 'Stop'
        Import-Module $env:VPCCNI_BENCH_MODULE
        $sim = Start-VpcCniSimulation
        try {
            $socket = [Net.Sockets.UnixDomainSocketEndPoint]::new($sim.Endpoint.Substring('unix:'.Length))
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $enis = @($sim | Get-VpcCniEni)
            "first=$($clock.Elapsed.TotalMilliseconds)"
            $clock.Restart()
            $null = Invoke-RestMethod -UnixSocket $socket -Uri 'http://localhost/v1/enis'
            "reffirst=$($clock.Elapsed.TotalMilliseconds)"
            "enis=$($enis.Count)"
            for ($i = 0; $i -lt [int]$env:VPCCNI_BENCH_ROUNDS; $i++) {
                $clock.Restart()
                $null = $sim | Get-VpcCniEni
                "ours=$($clock.Elapsed.TotalMilliseconds)"
                $clock.Restart()
                $null = Invoke-RestMethod -UnixSocket $socket -Uri 'http://localhost/v1/enis'
                "ref=$($clock.Elapsed.TotalMilliseconds)"
            }
        }
        finally {
            $sim | Stop-VpcCniSimulation
        }
        """;

    public string Name => "module";

    public string Title => "PowerShell module: import and Get-VpcCniEni";

    public string? CannotRunReason()
    {
        var missing = new[] { ModulePath(), PesterPath() ?? ".tools/packages/pester/*/tools/Pester.psd1", BenchPaths.Published("vpc-cni-node") }
            .Where(p => !File.Exists(p)).ToList();
        return missing.Count == 0 ? null : $"missing {string.Join(", ", missing)} (`build.ps1 -Task Publish`, and `-Task Test` once for Pester).";
    }

    public async Task<string> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var imports = options.Iterations(10);
        var (ours, reference) = (new Stats(), new Stats());
        for (var i = 0; i < imports; i++)
        {
            // Alternating fresh processes, so a drift of the machine's load touches both alike.
            ours.Add(TimeSpan.FromMilliseconds((await PwshAsync(ImportScript, new() { ["VPCCNI_BENCH_IMPORT"] = ModulePath() }, cancellationToken).ConfigureAwait(false))["import"][0]));
            reference.Add(TimeSpan.FromMilliseconds((await PwshAsync(ImportScript, new() { ["VPCCNI_BENCH_IMPORT"] = PesterPath()! }, cancellationToken).ConfigureAwait(false))["import"][0]));
        }

        var rounds = options.Iterations(200);
        var calls = await PwshAsync(CallScript, new()
        {
            ["VPCCNI_BENCH_MODULE"] = ModulePath(),
            ["VPCCNI_BENCH_ROUNDS"] = rounds.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken).ConfigureAwait(false);
        var (oursCall, referenceCall) = (new Stats(), new Stats());
        calls["ours"].ForEach(ms => oursCall.Add(TimeSpan.FromMilliseconds(ms)));
        calls["ref"].ForEach(ms => referenceCall.Add(TimeSpan.FromMilliseconds(ms)));

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"`Import-Module` in a fresh `dotnet pwsh -NoProfile` ({imports} processes each, alternating), and `Get-VpcCniEni` against a simulated m5.large node (`Start-VpcCniSimulation`, introspection on its Unix socket; {calls["enis"][0]:0} ENI) in one process, {rounds} warm calls each, alternating. Milliseconds, timed inside pwsh.").AppendLine();
        text.AppendLine("| what | ours (VpcCni) | reference | ratio |");
        text.AppendLine("|---|---:|---:|---:|");
        Row(text, "Import-Module p50 (reference: Pester)", ours.Percentile(50), reference.Percentile(50));
        Row(text, "Import-Module p99 (reference: Pester)", ours.Percentile(99), reference.Percentile(99));
        Row(text, "first call in the session (reference: Invoke-RestMethod -UnixSocket /v1/enis)", calls["first"][0], calls["reffirst"][0]);
        Row(text, "warm call p50 (same reference)", oursCall.Percentile(50), referenceCall.Percentile(50));
        Row(text, "warm call p99 (same reference)", oursCall.Percentile(99), referenceCall.Percentile(99));
        text.AppendLine().AppendLine("Goals (the module issue): import under 300 ms, `Get-VpcCniEni` under 100 ms. The first call pays for loading the engine into the module's own load context and for the first HTTP connection; the reference's first call pays for its own first use of the web cmdlets.");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string what, double ours, double reference) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {Stats.Ms(ours)} | {Stats.Ms(reference)} | {(reference > 0 ? ours / reference : 0):0.00} |");

    /// <summary>Runs <paramref name="script"/> in a fresh <c>dotnet pwsh</c> and collects its <c>name=milliseconds</c> lines.</summary>
    private static async Task<Dictionary<string, List<double>>> PwshAsync(string script, Dictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", script])
        {
            WorkingDirectory = BenchPaths.Root(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet pwsh did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pwsh exited with {process.ExitCode}: {await stderr.ConfigureAwait(false)}");
        }

        var figures = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var line in (await stdout.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.Split('=', 2) is [var name, var value] && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
            {
                (figures.TryGetValue(name, out var list) ? list : figures[name] = []).Add(ms);
            }
        }

        return figures;
    }

    private static string ModulePath() => Path.Combine(BenchPaths.Root(), "out", "VpcCni", "VpcCni.psd1");

    private static string? PesterPath()
    {
        var packages = Path.Combine(BenchPaths.Root(), ".tools", "packages", "pester");
        return Directory.Exists(packages)
            ? Directory.GetFiles(packages, "Pester.psd1", SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
    }
}
