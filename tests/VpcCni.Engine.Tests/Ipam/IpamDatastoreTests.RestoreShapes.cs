using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Checkpoint;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam;

/// <summary>
/// Restore from every checkpoint shape upstream has written (upstream <c>pkg/ipamd/datastore/data_store.go</c>
/// <c>CheckpointEntry</c>: without <c>metadata</c> before v1.11, with <c>"allocations": null</c> from a nil
/// slice), and what happens to entries the datastore cannot place.
/// </summary>
public partial class IpamDatastoreTests
{
    [Theory]
    [InlineData("""{"version":"vpc-cni-ipam/1","allocations":[{"networkName":"_migrated-from-cri","containerID":"c1","ifName":"unknown","ipv4":"10.0.0.5","allocationTimestamp":1600000000000000000}]}""")]
    [InlineData("""{"version":"vpc-cni-ipam/1","allocations":[{"networkName":"_migrated-from-cri","containerID":"c1","ifName":"unknown","ipv4":"10.0.0.5","allocationTimestamp":1600000000000000000,"metadata":null}]}""")]
    public async Task EntriesWithoutMetadataAreRestoredWithEmptyMetadata(string json)
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("ipam.json"), json);
        using var ds = DatastoreOn(new JsonFileCheckpointStore(dir.File("ipam.json")), "10.0.0.5/32");

        var report = await ds.RestoreAsync(null, CancellationToken.None);

        Assert.Single(report.Restored);
        var held = ds.Snapshot().Enis[0].Cidrs[0].Addresses[0];
        Assert.Equal((new IpamKey("_migrated-from-cri", "c1", "unknown"), IpamMetadata.None), (held.Key, held.Metadata));
    }

    [Theory]
    [InlineData("""{"version":"vpc-cni-ipam/1","allocations":null}""")]
    [InlineData("""{"version":"vpc-cni-ipam/1","allocations":[null]}""")]
    public async Task NullAllocationsReadAsNoAllocation(string json)
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("ipam.json"), json);
        using var ds = DatastoreOn(new JsonFileCheckpointStore(dir.File("ipam.json")), "10.0.0.5/32");

        var report = await ds.RestoreAsync(null, CancellationToken.None);

        Assert.False(report.FreshNode);
        Assert.Empty(report.Restored);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"version":"vpc-cni-ipam/1","allocations":{"networkName":"x"}}""")]
    public async Task UnreadableCheckpointIsATypedErrorNamingTheFileAndTheFileIsKept(string content)
    {
        using var dir = new TempDirectory();
        var path = dir.File("ipam.json");
        await File.WriteAllTextAsync(path, content);
        using var ds = DatastoreOn(new JsonFileCheckpointStore(path), "10.0.0.5/32");

        var error = await Assert.ThrowsAsync<VpcCniException>(() => ds.RestoreAsync(null, CancellationToken.None));

        Assert.Equal(ErrorIds.Checkpoint.ReadFailed, error.ErrorId);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task EntriesThatCannotBePlacedAreKeptInEveryRewrite()
    {
        var ipv6 = new CheckpointAllocation { NetworkName = "aws-cni", ContainerId = "v6", InterfaceName = "eth0", Ipv6 = "fd00::5", AllocationTimestamp = 1_712_345_678_901_234_567 };
        var garbled = Allocation("sandbox-3", "not-an-ip");
        var store = new InMemoryCheckpointStore(new IpamCheckpoint { Allocations = [Allocation("sandbox-1", "10.0.0.1"), ipv6, garbled] });
        using var ds = DatastoreOn(store, "10.0.0.0/28", prefixDelegation: true);

        var report = await ds.RestoreAsync(null, CancellationToken.None);
        await ds.AssignAsync(Sandbox(2), Pod, CancellationToken.None);

        Assert.Equal([ipv6, garbled], report.Kept.Select(k => k.Allocation));
        Assert.Empty(report.Dropped);
        Assert.Equal(["10.0.0.0", "10.0.0.1", null, "not-an-ip"], store.Current!.Allocations.Select(a => a.Ipv4));
        Assert.Contains(ipv6, store.Current.Allocations);
    }

    [Fact]
    public async Task KeptEntryWhoseAddressTheDatastoreWouldHandOutRefusesTheStart()
    {
        var both = Allocation("sandbox-1", "10.0.0.1") with { Ipv6 = "fd00::1" };
        var store = new InMemoryCheckpointStore(new IpamCheckpoint { Allocations = [both] });
        using var ds = DatastoreOn(store, "10.0.0.0/28", prefixDelegation: true);

        var error = await Assert.ThrowsAsync<VpcCniException>(() => ds.RestoreAsync(null, CancellationToken.None));

        Assert.Equal(ErrorIds.Checkpoint.UnsupportedAllocation, error.ErrorId);
        Assert.Same(both, Assert.Single(store.Current!.Allocations));
    }

    [Fact]
    public async Task RestoredTimestampsAreRewrittenToTheNanosecond()
    {
        var exact = Allocation("sandbox-1", "10.0.0.1") with { AllocationTimestamp = 1_712_345_678_901_234_567 };
        var store = new InMemoryCheckpointStore(new IpamCheckpoint { Allocations = [exact] });
        using var ds = DatastoreOn(store, "10.0.0.0/28", prefixDelegation: true);

        await ds.RestoreAsync(null, CancellationToken.None);
        await ds.AssignAsync(Sandbox(2), Pod, CancellationToken.None);

        Assert.Equal(1_712_345_678_901_234_567, store.Current!.Allocations.Single(a => a.ContainerId == "sandbox-1").AllocationTimestamp);
    }

    private IpamDatastore DatastoreOn(ICheckpointStore store, string cidr, bool prefixDelegation = false)
    {
        var ds = new IpamDatastore(store, _time, new IpamDatastoreSettings { PrefixDelegation = prefixDelegation });
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddCidr("eni-1", Net(cidr));
        return ds;
    }
}
