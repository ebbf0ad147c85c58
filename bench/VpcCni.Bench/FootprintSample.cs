using System.Globalization;

namespace VpcCni.Bench;

/// <summary>
/// One reading of a process's memory from /proc (proc(5)): resident memory split into the pages
/// mapped from files (the executable's own code and data) and anonymous pages (GC heap, native
/// allocations, thread stacks), its peak, its thread count, and the CPU it used over an idle window.
/// </summary>
public sealed record FootprintSample(long RssKib, long PeakKib, long AnonKib, long FileKib, long ShmemKib, int Threads, double Millicores)
{
    /// <summary>Reads /proc/&lt;pid&gt;/status; <paramref name="millicores"/> was measured beforehand.</summary>
    public static FootprintSample Read(int pid, double millicores)
    {
        var status = File.ReadLines($"/proc/{pid}/status").ToList();
        return new FootprintSample(
            Kib(status, "VmRSS:"),
            Kib(status, "VmHWM:"),
            Kib(status, "RssAnon:"),
            Kib(status, "RssFile:"),
            Kib(status, "RssShmem:"),
            (int)Kib(status, "Threads:"),
            millicores);
    }

    /// <summary>utime + stime in clock ticks: fields 14 and 15 of /proc/&lt;pid&gt;/stat, counted after the command name.</summary>
    public static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>The median of each measure over <paramref name="samples"/> (taken measure by measure, so not one run's figures).</summary>
    public static FootprintSample Median(IReadOnlyList<FootprintSample> samples)
    {
        ArgumentOutOfRangeException.ThrowIfZero(samples.Count);
        return new FootprintSample(
            Median(samples, s => s.RssKib),
            Median(samples, s => s.PeakKib),
            Median(samples, s => s.AnonKib),
            Median(samples, s => s.FileKib),
            Median(samples, s => s.ShmemKib),
            Median(samples, s => s.Threads),
            Median(samples, s => s.Millicores));
    }

    private static T Median<T>(IReadOnlyList<FootprintSample> samples, Func<FootprintSample, T> measure)
        where T : System.Numerics.INumber<T>
    {
        var sorted = samples.Select(measure).Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / (T.One + T.One);
    }

    private static long Kib(List<string> status, string key)
    {
        var line = status.First(l => l.StartsWith(key, StringComparison.Ordinal));
        return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
