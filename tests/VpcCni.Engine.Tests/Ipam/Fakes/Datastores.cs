using System.Net;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Ipam;

namespace VpcCni.Engine.Tests.Ipam.Fakes;

/// <summary>Builds the small datastore fixtures of the upstream unit tests and returns their snapshots.</summary>
internal static class Datastores
{
    public static readonly DateTimeOffset Epoch = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// ENIs (device order, the first one primary) holding the given numbers of /32s (SIP) or /28s
    /// (PD), with <paramref name="pods"/> pods assigned in device order, all created
    /// <paramref name="age"/> before the snapshot.
    /// </summary>
    public static async Task<DatastoreSnapshot> SnapshotAsync(bool prefixDelegation, int[] cidrsPerEni, int pods = 0, TimeSpan? age = null, int networkCard = 0)
    {
        var time = new FakeTimeProvider(Epoch);
        using var ds = new IpamDatastore(new InMemoryCheckpointStore(), time,
            new IpamDatastoreSettings { PrefixDelegation = prefixDelegation, NetworkCard = networkCard });
        var next = 0;
        for (var e = 0; e < cidrsPerEni.Length; e++)
        {
            var id = $"eni-{e + 1}";
            ds.AddEni(new EniDescriptor { Id = id, DeviceNumber = e, IsPrimary = e == 0, RouteTableId = e == 0 ? 254 : e + 1 });
            for (var c = 0; c < cidrsPerEni[e]; c++, next++)
            {
                ds.AddCidr(id, prefixDelegation
                    ? new IPNetwork(new IPAddress([10, 2, (byte)(next >> 4), (byte)((next & 15) << 4)]), 28)
                    : new IPNetwork(new IPAddress([10, 1, (byte)(next >> 8), (byte)(next & 255)]), 32));
            }
        }

        for (var p = 0; p < pods; p++)
        {
            await ds.AssignAsync(new IpamKey("net0", $"sandbox-{p}", "eth0"), IpamMetadata.None, CancellationToken.None);
        }

        time.Advance(age ?? TimeSpan.FromMinutes(5));
        return ds.Snapshot();
    }

    /// <summary>A datastore with no ENI at all.</summary>
    public static Task<DatastoreSnapshot> EmptyAsync(bool prefixDelegation) => SnapshotAsync(prefixDelegation, []);
}
