using VpcCni.Service.Hosting;
using Reading = VpcCni.Service.Hosting.HeapTrimService.HeapReading;

namespace VpcCni.Service.Tests.Hosting;

public sealed class HeapTrimServiceTests
{
    private const long Mib = 1024 * 1024;

    [Fact]
    public void TrimsWhenNothingCollectedSinceTheLastLookAndTheHeapHoldsEmptyCommittedMemory()
    {
        var quiet = new Reading(Collections: 7, HeapBytes: 6 * Mib, CommittedBytes: 34 * Mib);
        Assert.True(HeapTrimService.ShouldTrim(quiet, quiet, collectionsAfterLastTrim: -1));
    }

    [Fact]
    public void LeavesTheHeapAloneWhileCollectionsRunOnTheirOwn()
    {
        var before = new Reading(Collections: 7, HeapBytes: 6 * Mib, CommittedBytes: 34 * Mib);
        var busy = before with { Collections = 9 };
        Assert.False(HeapTrimService.ShouldTrim(before, busy, collectionsAfterLastTrim: -1));
    }

    [Fact]
    public void LeavesTheHeapAloneWhenLittleCommittedMemoryIsUnused()
    {
        var tight = new Reading(Collections: 7, HeapBytes: 6 * Mib, CommittedBytes: (6 * Mib) + HeapTrimService.SlackBytes);
        Assert.False(HeapTrimService.ShouldTrim(tight, tight, collectionsAfterLastTrim: -1));
    }

    [Fact]
    public void TrimsOnceAfterEachStretchOfActivityNotAtEveryQuietLook()
    {
        // What the trim left behind may still exceed the slack (a region the GC keeps): no second trim
        // until the GC has collected on its own again.
        var afterTrim = new Reading(Collections: 8, HeapBytes: 6 * Mib, CommittedBytes: 12 * Mib);
        Assert.False(HeapTrimService.ShouldTrim(afterTrim, afterTrim, collectionsAfterLastTrim: 8));

        var laterQuiet = afterTrim with { Collections = 9, CommittedBytes = 30 * Mib };
        Assert.True(HeapTrimService.ShouldTrim(laterQuiet, laterQuiet, collectionsAfterLastTrim: 8));
    }

    [Fact]
    public void ATrimRunsAFullBlockingCollectionThatLeavesLessCommittedMemoryThanGarbageLeftBehind()
    {
        // Short-lived small arrays, as requests leave them: gen0 grows and keeps its regions committed.
        var sink = 0L;
        for (var i = 0; i < 4096; i++)
        {
            var garbage = new byte[16 * 1024];
            garbage[i % garbage.Length] = 1;
            sink += garbage.Length;
        }

        var fullBlockingBefore = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;
        HeapTrimService.Trim();
        var after = GC.GetGCMemoryInfo(GCKind.FullBlocking);

        Assert.Equal(64 * Mib, sink);
        Assert.True(after.Index > fullBlockingBefore, "the trim is a full blocking collection");
        Assert.True(after.Compacted, "the trim compacts");
        Assert.True(after.TotalCommittedBytes < after.HeapSizeBytes + sink,
            $"committed {after.TotalCommittedBytes} bytes after the trim, live heap {after.HeapSizeBytes}");
    }
}
