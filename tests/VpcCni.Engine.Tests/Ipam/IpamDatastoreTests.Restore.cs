using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Checkpoint;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam;

/// <summary>Restore from the checkpoint (upstream `pkg/ipamd/datastore/data_store.go` `ReadBackingStore`).</summary>
public partial class IpamDatastoreTests
{
    private static readonly DateTimeOffset LongAgo = new(2025, 5, 30, 8, 0, 0, TimeSpan.Zero);

    private static CheckpointAllocation Allocation(string container, string ip, string pod = "web") => new()
    {
        NetworkName = "net0",
        ContainerId = container,
        InterfaceName = "eth0",
        Ipv4 = ip,
        AllocationTimestamp = CheckpointAllocation.ToUnixNanoseconds(LongAgo),
        Metadata = new CheckpointMetadata { PodNamespace = "default", PodName = pod, InterfacesCount = 1 },
    };

    [Fact]
    public async Task RestoreRebuildsAssignmentsWithTheirOriginalTimestampsAndDropsThoseWithoutACidr()
    {
        var store = new InMemoryCheckpointStore(new IpamCheckpoint
        {
            Allocations = [Allocation("sandbox-1", "10.0.0.5"), Allocation("sandbox-2", "192.168.9.9")],
        });
        using var ds = new IpamDatastore(store, _time);
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddCidr("eni-1", Net("10.0.0.5/32"));

        var report = await ds.RestoreAsync(validator: null, CancellationToken.None);

        Assert.False(report.FreshNode);
        Assert.Equal("sandbox-1", Assert.Single(report.Restored).ContainerId);
        var dropped = Assert.Single(report.Dropped);
        Assert.Equal(("192.168.9.9", DropReason.NoContainingCidr), (dropped.Allocation.Ipv4, dropped.Reason));
        var address = ds.Snapshot().Enis[0].Cidrs[0].Addresses[0];
        Assert.Equal((Sandbox(1), LongAgo, "web"), (address.Key, address.AssignedAt, address.Metadata.PodName));
        Assert.Equal("10.0.0.5", Assert.Single(store.Current!.Allocations).Ipv4);
        Assert.Equal(CheckpointAllocation.ToUnixNanoseconds(LongAgo), store.Current.Allocations[0].AllocationTimestamp);
    }

    [Fact]
    public async Task RestoreDropsAllocationsTheValidatorRejects()
    {
        var store = new InMemoryCheckpointStore(new IpamCheckpoint
        {
            Allocations = [Allocation("sandbox-1", "10.0.0.1", "alive"), Allocation("sandbox-2", "10.0.0.2", "gone")],
        });
        using var ds = new IpamDatastore(store, _time, new IpamDatastoreSettings { PrefixDelegation = true });
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddCidr("eni-1", Net("10.0.0.0/28"));

        var report = await ds.RestoreAsync((a, _) => ValueTask.FromResult(a.Metadata.PodName == "alive"), CancellationToken.None);

        Assert.Equal(DropReason.RejectedByValidator, Assert.Single(report.Dropped).Reason);
        Assert.Equal(1, ds.GetStats().AssignedIps);

        // The restored .1 is taken; the next pod gets the lowest free address, .0.
        Assert.Equal("10.0.0.0", (await ds.AssignAsync(Sandbox(3), Pod, CancellationToken.None)).Address.ToString());
    }

    [Fact]
    public async Task RestoreKeepsDuplicatesAndUnusableEntriesAndPlacesIncompleteKeysAsUpstreamDoes()
    {
        var store = new InMemoryCheckpointStore(new IpamCheckpoint
        {
            Allocations =
            [
                Allocation("sandbox-1", "10.0.0.1"),
                Allocation("sandbox-2", "10.0.0.1"),
                Allocation("sandbox-3", "not-an-ip"),
                Allocation("sandbox-4", "10.0.0.2") with { NetworkName = "" },
                new CheckpointAllocation { NetworkName = "net0", ContainerId = "sandbox-5", InterfaceName = "eth0", Ipv6 = "fd00::5" },
            ],
        });
        using var ds = new IpamDatastore(store, _time, new IpamDatastoreSettings { PrefixDelegation = true });
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0 });
        ds.AddCidr("eni-1", Net("10.0.0.0/28"));

        var report = await ds.RestoreAsync(null, CancellationToken.None);

        Assert.Equal(["sandbox-1", "sandbox-4"], report.Restored.Select(a => a.ContainerId));
        Assert.Equal(
            [KeepReason.Duplicate, KeepReason.UnsupportedAddress, KeepReason.UnsupportedAddress],
            report.Kept.Select(k => k.Reason));
        Assert.Empty(report.Dropped);
        Assert.Equal(5, store.Current!.Allocations.Count);
    }

    [Fact]
    public async Task MissingCheckpointMeansAFreshNode()
    {
        using var ds = new IpamDatastore(new InMemoryCheckpointStore(), _time);

        var report = await ds.RestoreAsync(null, CancellationToken.None);

        Assert.True(report.FreshNode);
        Assert.Empty(report.Restored);
    }

    [Fact]
    public async Task CheckpointOfAnotherVersionIsRefused()
    {
        var store = new InMemoryCheckpointStore(new IpamCheckpoint { Version = "vpc-cni-ipam/2" });
        using var ds = new IpamDatastore(store, _time);

        var error = await Assert.ThrowsAsync<VpcCniException>(() => ds.RestoreAsync(null, CancellationToken.None));

        Assert.Equal(ErrorIds.Checkpoint.VersionMismatch, error.ErrorId);
        Assert.Contains("vpc-cni-ipam/2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssignmentsSurviveARestartThroughTheJsonFile()
    {
        var dir = Directory.CreateTempSubdirectory("vpccni-ipam-");
        try
        {
            var path = Path.Combine(dir.FullName, "ipam.json");
            using (var before = new IpamDatastore(new JsonFileCheckpointStore(path), _time))
            {
                before.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
                before.AddCidr("eni-1", Net("10.0.0.7/32"));
                await before.AssignAsync(Sandbox(1), Pod, CancellationToken.None);
            }

            using var after = new IpamDatastore(new JsonFileCheckpointStore(path), _time);
            after.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
            after.AddCidr("eni-1", Net("10.0.0.7/32"));
            var report = await after.RestoreAsync(null, CancellationToken.None);

            Assert.Single(report.Restored);
            var held = after.FindAssignment(Sandbox(1));
            Assert.Equal("10.0.0.7", held!.Address.ToString());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
