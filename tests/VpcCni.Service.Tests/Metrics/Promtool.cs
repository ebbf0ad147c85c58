using System.Diagnostics;
using System.Text.RegularExpressions;

namespace VpcCni.Service.Tests.Metrics;

/// <summary>
/// Runs Prometheus's <c>promtool</c> (Debian package <c>prometheus</c>): <c>check metrics</c> on a scrape,
/// <c>test rules</c> on a rule unit test.
/// Without promtool the check cannot run: <see cref="PromtoolFactAttribute"/> skips on a developer
/// machine, and under CI=true the assertion below fails with the package to install.
/// </summary>
internal static partial class Promtool
{
    public const string Path = "/usr/bin/promtool";

    public static Task<(int ExitCode, string Output)> CheckMetricsAsync(string scrape) => RunAsync(["check", "metrics"], scrape, null);

    /// <summary>Runs <c>promtool test rules</c> on a unit-test file (Prometheus docs, "Unit testing for rules"); the rule files it names sit beside it.</summary>
    public static Task<(int ExitCode, string Output)> TestRulesAsync(string testFile) =>
        RunAsync(["test", "rules", System.IO.Path.GetFileName(testFile)], null, System.IO.Path.GetDirectoryName(testFile));

    /// <summary>
    /// True when promtool found nothing, or only lint notes: it exits 3 for lint problems and 1 for
    /// a scrape it cannot parse. Upstream's counters are named without <c>_total</c> and some end in
    /// <c>_count</c> (<c>awscni_add_ip_req_count</c>), and one ends in <c>_ms</c> (<c>awscni_aws_api_latency_ms</c>,
    /// noted once it has samples), which the linter notes; the names stay for
    /// compatibility with upstream's dashboards. Every line must name a metric and a lint rule.
    /// </summary>
    public static bool OnlyLintNotes(int exitCode, string output)
    {
        if (exitCode == 0)
        {
            return true;
        }

        var notes = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return exitCode == 3 && notes.All(n => LintNote().IsMatch(n));
    }

    [GeneratedRegex("^awscni_[a-z0-9_]+ (counter metrics should have \"_total\" suffix|non-histogram and non-summary metrics should not have \"_count\" suffix|metric names should not contain abbreviated units)$")]
    private static partial Regex LintNote();

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] arguments, string? input, string? workingDirectory)
    {
        Assert.True(File.Exists(Path), $"{Path} is missing: install the Debian package 'prometheus' (.ci/run does under CI=true).");
        var start = new ProcessStartInfo(Path, arguments)
        {
            WorkingDirectory = workingDirectory ?? string.Empty,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input ?? string.Empty);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
