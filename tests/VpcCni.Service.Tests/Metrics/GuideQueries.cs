using System.Globalization;
using System.Text;

namespace VpcCni.Service.Tests.Metrics;

/// <summary>
/// The monitoring queries of the guide (<c>Metrics/Data/guide-monitoring-queries.promql</c>) as a
/// <c>promtool test rules</c> unit test (Prometheus docs, "Unit testing for rules"): each query becomes a
/// recording rule, the input series are two real scrapes one minute apart, and each rule must produce
/// exactly one series.
/// </summary>
internal static class GuideQueries
{
    public static IReadOnlyList<string> Read()
    {
        var path = Path.Combine(RepositoryFiles.Root, "tests", "VpcCni.Service.Tests", "Metrics", "Data", "guide-monitoring-queries.promql");
        return [.. File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }

    /// <summary>Writes the rules and the test file into <paramref name="directory"/>; returns the test file.</summary>
    public static async Task<string> WritePromtoolTestAsync(string directory, IReadOnlyList<string> queries, string first, string last)
    {
        var rules = new StringBuilder("groups:\n  - name: guide\n    rules:\n");
        var tests = new StringBuilder("rule_files: [guide-rules.yml]\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:\n");
        var before = MetricsScrape.Samples(first);
        foreach (var (series, value) in MetricsScrape.Samples(last))
        {
            // promtool's expanding notation: one value per minute, '_' where the first scrape lacked the series.
            var earlier = before.TryGetValue(series, out var v) ? Number(v) : "_";
            tests.Append(CultureInfo.InvariantCulture, $"      - series: {Quote(series)}\n        values: {Quote(earlier + " " + Number(value))}\n");
        }

        tests.Append("    promql_expr_test:\n");
        for (var i = 0; i < queries.Count; i++)
        {
            rules.Append(CultureInfo.InvariantCulture, $"      - record: guide_query_{i}\n        expr: {Quote(queries[i])}\n");
            tests.Append(CultureInfo.InvariantCulture, $"      - expr: count(guide_query_{i})\n        eval_time: 1m\n        exp_samples:\n          - labels: '{{}}'\n            value: 1\n");
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "guide-rules.yml"), rules.ToString());
        var testFile = Path.Combine(directory, "guide-test.yml");
        await File.WriteAllTextAsync(testFile, tests.ToString());
        return testFile;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A YAML single-quoted scalar (a quote inside is doubled).</summary>
    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
