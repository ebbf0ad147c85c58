using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam;

/// <summary>Readers see an immutable published state and never wait for a checkpoint write.</summary>
public partial class IpamDatastoreTests
{
    private static readonly TimeSpan ReaderPatience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ReadersGetTheLastPublishedStateWhileACheckpointWriteIsInFlight()
    {
        var store = new GatedCheckpointStore();
        using var ds = new IpamDatastore(store, _time);
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddCidr("eni-1", Net("10.0.0.5/32"));
        store.Hold();

        var assign = ds.AssignAsync(Sandbox(1), Pod, CancellationToken.None);
        await store.WriteStarted.Task.WaitAsync(ReaderPatience);
        var (snapshot, stats, held) = await Task.Run(() => (ds.Snapshot(), ds.GetStats(), ds.FindAssignment(Sandbox(1)))).WaitAsync(ReaderPatience);

        Assert.Equal((1, 0), (stats.TotalIps, stats.AssignedIps));
        Assert.Empty(snapshot.Enis[0].Cidrs[0].Addresses);
        Assert.Null(held);

        store.Release();
        await assign;
        Assert.Equal(1, ds.GetStats().AssignedIps);
        Assert.Equal("10.0.0.5", ds.FindAssignment(Sandbox(1))!.Address.ToString());
    }

    [Fact]
    public async Task AFailedCheckpointWritePublishesNothing()
    {
        var store = new GatedCheckpointStore();
        using var ds = new IpamDatastore(store, _time);
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddCidr("eni-1", Net("10.0.0.5/32"));
        store.Hold();

        var assign = ds.AssignAsync(Sandbox(1), Pod, CancellationToken.None);
        await store.WriteStarted.Task.WaitAsync(ReaderPatience);
        var before = await Task.Run(ds.Snapshot).WaitAsync(ReaderPatience);
        store.Fail(new IOException("No space left on device"));

        var error = await Assert.ThrowsAsync<VpcCniException>(() => assign);
        Assert.Equal(ErrorIds.Checkpoint.WriteFailed, error.ErrorId);
        Assert.Same(before, ds.Snapshot());
        Assert.Null(ds.FindAssignment(Sandbox(1)));
    }
}
