using System.Globalization;
using System.Net;

namespace VpcCni.Service.Tests.Metrics;

/// <summary>Reads the Prometheus text format (Prometheus docs, "Exposition formats") the metrics listener serves.</summary>
internal static class MetricsScrape
{
    private static readonly HttpClient Http = new();

    public static async Task<string> GetAsync(Uri metrics)
    {
        using var response = await Http.GetAsync(metrics);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Every sample line as series (<c>name</c> or <c>name{labels}</c>) and value.</summary>
    public static Dictionary<string, double> Samples(string scrape)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in scrape.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            samples[line[..space]] = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
        }

        return samples;
    }

    /// <summary>The value of one series; fails the test, showing the scrape, when the series is missing.</summary>
    public static double Sample(string scrape, string series)
    {
        var found = Samples(scrape).TryGetValue(series, out var value);
        Assert.True(found, $"series {series} is not in the scrape:\n{scrape}");
        return value;
    }
}
