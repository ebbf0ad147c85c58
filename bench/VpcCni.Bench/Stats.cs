using System.Diagnostics;
using System.Globalization;

namespace VpcCni.Bench;

/// <summary>Latency samples and the percentiles the documents quote.</summary>
public sealed class Stats
{
    private readonly List<double> _ms = [];

    public int Count => _ms.Count;

    public void Add(TimeSpan elapsed) => _ms.Add(elapsed.TotalMilliseconds);

    public void AddTicks(long stopwatchTicks) => _ms.Add(stopwatchTicks * 1000.0 / Stopwatch.Frequency);

    public double Mean => _ms.Count == 0 ? 0 : _ms.Average();

    public double Percentile(double p)
    {
        if (_ms.Count == 0)
        {
            return 0;
        }

        var sorted = _ms.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string Ms(double value) => value.ToString(value < 1 ? "0.000" : "0.00", CultureInfo.InvariantCulture);
}
