using Microsoft.Extensions.Hosting;

namespace VpcCni.Service.Hosting;

/// <summary>
/// Hands the GC heap's unused committed memory back to the kernel once the service has gone quiet.
/// The GC sizes its gen0 budget from what survives, so start-up and a burst of pods leave many MiB
/// of committed, empty regions behind; it decommits them only a little at each later collection, and
/// an idle node collects about once an hour. So every <see cref="Interval"/>, if no collection ran
/// since the last look (nothing is going on) and the heap holds more than <see cref="SlackBytes"/>
/// committed beyond its live objects, one blocking aggressive collection (the .NET docs,
/// <c>GCCollectionMode.Aggressive</c>: "decommit as much memory as possible") releases them. The
/// live heap is a few MiB, so that collection takes milliseconds; while pods come and go, collections
/// run on their own and the service leaves the heap alone. At most one trim follows each stretch of
/// activity: after a trim, the next waits for some collection of the GC's own. Measured in
/// docs/service.md, "Publishing and memory".
/// </summary>
public sealed class HeapTrimService(TimeProvider timeProvider) : BackgroundService
{
    /// <summary>How often the heap is looked at; a trim follows the last activity within two of these.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>Committed memory beyond the live heap worth a collection to release (one gen0 region is 4 MiB).</summary>
    public const long SlackBytes = 4L * 1024 * 1024;

    /// <summary>One look at the heap: the collections run so far and, as of the last one, its live and committed bytes.</summary>
    public readonly record struct HeapReading(int Collections, long HeapBytes, long CommittedBytes)
    {
        public static HeapReading Now()
        {
            var info = GC.GetGCMemoryInfo();
            return new HeapReading(GC.CollectionCount(0), info.HeapSizeBytes, info.TotalCommittedBytes);
        }
    }

    /// <summary>
    /// Trim when no collection ran between the two readings (gen0 counts every collection), some ran
    /// since the last trim (<paramref name="collectionsAfterLastTrim"/>; -1 before the first), and the
    /// committed memory exceeds the live heap by more than <see cref="SlackBytes"/>.
    /// </summary>
    public static bool ShouldTrim(HeapReading previous, HeapReading current, int collectionsAfterLastTrim) =>
        current.Collections == previous.Collections
        && current.Collections != collectionsAfterLastTrim
        && current.CommittedBytes - current.HeapBytes > SlackBytes;

    /// <summary>A blocking, compacting full collection that decommits what it frees.</summary>
    public static void Trim() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        var previous = HeapReading.Now();
        var collectionsAfterLastTrim = -1;
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var current = HeapReading.Now();
            if (ShouldTrim(previous, current, collectionsAfterLastTrim))
            {
                Trim();
                current = HeapReading.Now();
                collectionsAfterLastTrim = current.Collections;
            }

            previous = current;
        }
    }
}
