using System.Net;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam;

public partial class IpamDatastoreTests
{
    private static readonly IpamMetadata Pod = new("default", "web", 1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryCheckpointStore _store = new();

    private static IpamKey Sandbox(int n) => new("net0", $"sandbox-{n}", "eth0");

    private static IPNetwork Net(string cidr) => IPNetwork.Parse(cidr);

    private IpamDatastore NewDatastore(bool prefixDelegation = false, TimeSpan? cooldown = null) =>
        new(_store, _time, new IpamDatastoreSettings { PrefixDelegation = prefixDelegation, CooldownPeriod = cooldown ?? TimeSpan.FromSeconds(30) });

    [Fact]
    public async Task PodAddressLifecycleFollowsUpstreamTestPodIPv4Address()
    {
        using var ds = NewDatastore();
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true, RouteTableId = 254 });
        ds.AddEni(new EniDescriptor { Id = "eni-2", DeviceNumber = 1, RouteTableId = 2 });

        ds.AddCidr("eni-1", Net("1.1.1.1/32"));
        var first = await ds.AssignAsync(Sandbox(1), Pod, CancellationToken.None);
        Assert.Equal(IPAddress.Parse("1.1.1.1"), first.Address);
        Assert.Single(_store.Current!.Allocations);

        // Re-ADD of the same key is idempotent.
        ds.AddCidr("eni-2", Net("1.1.2.2/32"));
        var again = await ds.AssignAsync(Sandbox(1), Pod, CancellationToken.None);
        Assert.Equal(IPAddress.Parse("1.1.1.1"), again.Address);
        Assert.True(again.WasAlreadyAssigned);
        Assert.Equal(1, ds.GetStats().AssignedIps);

        // A failed checkpoint write undoes the assignment and leaves the checkpoint as it was.
        var before = _store.Current;
        _store.FailWrites = true;
        var failed = await Assert.ThrowsAsync<VpcCniException>(() => ds.AssignAsync(Sandbox(2), Pod, CancellationToken.None));
        Assert.Equal(ErrorIds.Checkpoint.WriteFailed, failed.ErrorId);
        Assert.IsType<IOException>(failed.InnerException);
        Assert.Same(before, _store.Current);
        Assert.Equal(1, ds.GetStats().AssignedIps);
        Assert.Null(ds.FindAssignment(Sandbox(2)));
        _store.FailWrites = false;

        var second = await ds.AssignAsync(Sandbox(2), Pod, CancellationToken.None);
        Assert.Equal((IPAddress.Parse("1.1.2.2"), "eni-2", 1, 2), (second.Address, second.EniId, second.DeviceNumber, second.RouteTableId));

        ds.AddCidr("eni-1", Net("1.1.1.2/32"));
        var third = await ds.AssignAsync(Sandbox(3), Pod, CancellationToken.None);
        Assert.Equal(IPAddress.Parse("1.1.1.2"), third.Address);
        Assert.Equal((3, 3), (ds.GetStats().TotalIps, ds.GetStats().AssignedIps));

        var full = await Assert.ThrowsAsync<VpcCniException>(() => ds.AssignAsync(Sandbox(4), Pod, CancellationToken.None));
        Assert.Equal(ErrorIds.Ipam.NoAvailableAddress, full.ErrorId);
        Assert.Equal(VpcCniErrorCategory.ResourceUnavailable, full.Category);

        var unknown = await Assert.ThrowsAsync<UnknownPodException>(() => ds.UnassignAsync(Sandbox(9), CancellationToken.None));
        Assert.Equal(ErrorIds.Ipam.UnknownPod, unknown.ErrorId);

        var released = await ds.UnassignAsync(Sandbox(2), CancellationToken.None);
        Assert.Equal((IPAddress.Parse("1.1.2.2"), 1, 2, 1), (released.Address, released.DeviceNumber, released.RouteTableId, released.InterfacesCount));
        Assert.Equal(2, _store.Current!.Allocations.Count);

        // eni-2 is younger than 60 s and its address is cooling.
        Assert.Null(ds.RemoveUnusedEni(DeletabilityTargets.None));

        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal("eni-2", ds.RemoveUnusedEni(DeletabilityTargets.None));
        Assert.Equal(2, ds.GetStats().TotalIps);
    }

    [Fact]
    public async Task PrefixModeHandsOutAddressesFromThePrefixNetworkAddressUp()
    {
        using var ds = NewDatastore(prefixDelegation: true);
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddCidr("eni-1", Net("10.0.0.0/28"));

        var addresses = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            addresses.Add((await ds.AssignAsync(Sandbox(i), Pod, CancellationToken.None)).Address.ToString());
        }

        Assert.Equal(["10.0.0.0", "10.0.0.1", "10.0.0.2"], addresses);
        Assert.Equal((16, 3, 1), (ds.GetStats().TotalIps, ds.GetStats().AssignedIps, ds.GetStats().TotalPrefixes));
    }

    [Fact]
    public async Task AssignmentSkipsCidrsOfTheOtherModeAndExcludedEnis()
    {
        using var ds = NewDatastore();
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddEni(new EniDescriptor { Id = "eni-2", DeviceNumber = 1, IsExcludedForPodIps = true });
        ds.AddCidr("eni-1", Net("10.0.0.16/28"));
        ds.AddCidr("eni-2", Net("10.0.1.5/32"));
        await Assert.ThrowsAsync<VpcCniException>(() => ds.AssignAsync(Sandbox(1), Pod, CancellationToken.None));

        ds.SetExcludedForPodIps("eni-2", false);
        Assert.Equal("10.0.1.5", (await ds.AssignAsync(Sandbox(1), Pod, CancellationToken.None)).Address.ToString());
    }

    [Fact]
    public async Task CoolingAddressIsNotReusedUntilItsCooldownEnds()
    {
        using var ds = NewDatastore(cooldown: TimeSpan.FromSeconds(30));
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddCidr("eni-1", Net("10.0.0.5/32"));
        await ds.AssignAsync(Sandbox(1), Pod, CancellationToken.None);
        await ds.UnassignAsync(Sandbox(1), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(29));
        var error = await Assert.ThrowsAsync<VpcCniException>(() => ds.AssignAsync(Sandbox(2), Pod, CancellationToken.None));
        Assert.Equal(ErrorIds.Ipam.NoAvailableAddress, error.ErrorId);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("10.0.0.5", (await ds.AssignAsync(Sandbox(2), Pod, CancellationToken.None)).Address.ToString());
    }

    [Fact]
    public async Task FailedUnassignWriteKeepsThePodAssigned()
    {
        using var ds = NewDatastore();
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddCidr("eni-1", Net("10.0.0.5/32"));
        await ds.AssignAsync(Sandbox(1), Pod, CancellationToken.None);

        _store.FailWrites = true;
        var error = await Assert.ThrowsAsync<VpcCniException>(() => ds.UnassignAsync(Sandbox(1), CancellationToken.None));

        Assert.Equal(ErrorIds.Checkpoint.WriteFailed, error.ErrorId);
        Assert.NotNull(ds.FindAssignment(Sandbox(1)));
        Assert.Equal((1, 0), (ds.GetStats().AssignedIps, ds.GetStats().CooldownIps));
        Assert.Single(_store.Current!.Allocations);
    }

    [Fact]
    public async Task NonForcedCidrRemovalRefusesAnAssignedCidr()
    {
        using var ds = NewDatastore();
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddCidr("eni-1", Net("10.0.0.5/32"));
        await ds.AssignAsync(Sandbox(1), Pod, CancellationToken.None);

        var error = await Assert.ThrowsAsync<VpcCniException>(() => ds.RemoveCidrAsync("eni-1", Net("10.0.0.5/32"), force: false, CancellationToken.None));

        Assert.Equal(ErrorIds.Ipam.CidrInUse, error.ErrorId);
        Assert.Equal(1, ds.GetStats().TotalIps);
    }

    [Fact]
    public async Task ForcedRemovalEvictsPodsCountsThemAndRewritesTheCheckpoint()
    {
        using var ds = NewDatastore(prefixDelegation: true);
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddEni(new EniDescriptor { Id = "eni-2", DeviceNumber = 1 });
        ds.AddCidr("eni-1", Net("10.0.0.0/28"));
        ds.AddCidr("eni-2", Net("10.0.0.16/28"));
        await ds.AssignAsync(Sandbox(1), Pod, CancellationToken.None);
        await ds.AssignAsync(Sandbox(2), Pod, CancellationToken.None);
        await Assert.ThrowsAsync<VpcCniException>(() => ds.RemoveCidrAsync("eni-1", Net("10.0.0.0/28"), force: false, CancellationToken.None));

        var evicted = await ds.RemoveCidrAsync("eni-1", Net("10.0.0.0/28"), force: true, CancellationToken.None);
        Assert.Equal(2, evicted.Count);
        Assert.Equal(2, ds.Snapshot().ForceRemovedAddresses);
        Assert.Equal(0, ds.Snapshot().ForceRemovedEnis);
        Assert.Empty(_store.Current!.Allocations);

        await ds.AssignAsync(Sandbox(3), Pod, CancellationToken.None);
        var gone = await ds.RemoveEniAsync("eni-2", force: true, CancellationToken.None);
        Assert.Equal("10.0.0.16", Assert.Single(gone).Address.ToString());
        Assert.Equal(3, ds.Snapshot().ForceRemovedAddresses);
        Assert.Equal(1, ds.Snapshot().ForceRemovedEnis);
        Assert.Null(ds.FindAssignment(Sandbox(3)));
    }

    [Theory]
    [InlineData("10.0.0.0/24")]
    [InlineData("10.0.0.0/30")]
    [InlineData("fd00::/80")]
    public void AddCidrRefusesAnythingButSlash32AndSlash28(string cidr)
    {
        using var ds = NewDatastore();
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0 });

        var error = Assert.Throws<VpcCniException>(() => ds.AddCidr("eni-1", Net(cidr)));

        Assert.Equal(ErrorIds.Ipam.InvalidCidr, error.ErrorId);
        Assert.Contains(cidr, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateEniAndOverlappingCidrAreRefused()
    {
        using var ds = NewDatastore();
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0 });
        ds.AddCidr("eni-1", Net("10.0.0.0/28"));

        Assert.Equal(ErrorIds.Ipam.DuplicateEni, Assert.Throws<VpcCniException>(() => ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 3 })).ErrorId);
        Assert.Equal(ErrorIds.Ipam.DuplicateCidr, Assert.Throws<VpcCniException>(() => ds.AddCidr("eni-1", Net("10.0.0.7/32"))).ErrorId);
        Assert.Equal(ErrorIds.Ipam.UnknownEni, Assert.Throws<VpcCniException>(() => ds.AddCidr("eni-9", Net("10.0.1.7/32"))).ErrorId);
    }

    [Fact]
    public async Task IncompleteKeyIsRejected()
    {
        using var ds = NewDatastore();
        var error = await Assert.ThrowsAsync<VpcCniException>(() => ds.AssignAsync(new IpamKey("net0", "", "eth0"), Pod, CancellationToken.None));
        Assert.Equal(ErrorIds.Ipam.InvalidIpamKey, error.ErrorId);
    }
}
