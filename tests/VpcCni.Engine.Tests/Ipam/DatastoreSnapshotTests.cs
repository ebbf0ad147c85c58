using System.Net;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam;

public class DatastoreSnapshotTests
{
    [Fact]
    public async Task FreeCidrsListsOnlyCidrsWithoutPodsOrCooldownOfTheAskedMode()
    {
        var time = new FakeTimeProvider(Datastores.Epoch);
        using var ds = new IpamDatastore(new InMemoryCheckpointStore(), time, new IpamDatastoreSettings { PrefixDelegation = true });
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddEni(new EniDescriptor { Id = "eni-t", DeviceNumber = 1, IsTrunk = true });
        ds.AddCidr("eni-1", IPNetwork.Parse("10.0.0.0/28"));   // gets a pod
        ds.AddCidr("eni-1", IPNetwork.Parse("10.0.0.16/28"));  // gets a pod that leaves: cooling
        ds.AddCidr("eni-1", IPNetwork.Parse("10.0.0.32/28"));  // free
        ds.AddCidr("eni-1", IPNetwork.Parse("10.0.9.9/32"));   // free, other mode
        ds.AddCidr("eni-t", IPNetwork.Parse("10.0.0.48/28"));  // trunk: never listed
        var keys = Enumerable.Range(1, 17).Select(i => new IpamKey("net0", $"s{i}", "eth0")).ToArray();
        foreach (var key in keys)
        {
            await ds.AssignAsync(key, IpamMetadata.None, CancellationToken.None);
        }

        await ds.UnassignAsync(keys[16], CancellationToken.None);
        var snapshot = ds.Snapshot();

        Assert.Equal(["10.0.0.32/28"], snapshot.FreeCidrs(prefixes: true).Select(p => p.Cidr.Network.ToString()));
        Assert.Equal(["10.0.9.9/32"], snapshot.FreeCidrs(prefixes: false).Select(p => p.Cidr.Network.ToString()));

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, ds.Snapshot().FreeCidrs(prefixes: true).Count);
    }

    [Fact]
    public async Task WithoutCidrsDropsOnlyTheNamedCidrsOfTheNamedEni()
    {
        var snapshot = await Datastores.SnapshotAsync(false, [2, 2]);
        var target = snapshot.Enis[1].Cidrs[0].Network;

        var after = snapshot.WithoutCidrs("eni-2", [target]);

        Assert.Equal([2, 1], after.Enis.Select(e => e.Cidrs.Count));
        Assert.Equal([2, 2], snapshot.Enis.Select(e => e.Cidrs.Count));
    }

    [Fact]
    public async Task ConcurrentAssignmentsNeverShareAnAddress()
    {
        using var ds = new IpamDatastore(new InMemoryCheckpointStore(), new FakeTimeProvider(Datastores.Epoch), new IpamDatastoreSettings { PrefixDelegation = true });
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0 });
        for (var i = 0; i < 8; i++)
        {
            ds.AddCidr("eni-1", new IPNetwork(new IPAddress([10, 0, 0, (byte)(i * 16)]), 28));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 128).Select(i =>
            Task.Run(() => ds.AssignAsync(new IpamKey("net0", $"s{i}", "eth0"), IpamMetadata.None, CancellationToken.None))));

        Assert.Equal(128, results.Select(r => r.Address).Distinct().Count());
        Assert.Equal((128, 0), (ds.GetStats().AssignedIps, ds.GetStats().Available));
        Assert.Equal(128, ds.Snapshot().Enis[0].AssignedCount);
    }
}
