using System.Net;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam;

/// <summary>Counters per upstream `pkg/ipamd/datastore/data_store_test.go` TestGetIPStatsV4 / TestGetIPStatsV4WithPD (IP_COOLDOWN_PERIOD=1).</summary>
public class IpamStatsTests
{
    private static readonly IpamMetadata Pod = new("default", "web");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    private IpamDatastore NewDatastore(bool prefixDelegation) =>
        new(new InMemoryCheckpointStore(), _time, new IpamDatastoreSettings { PrefixDelegation = prefixDelegation, CooldownPeriod = TimeSpan.FromSeconds(1) });

    [Fact]
    public async Task CooldownIsCountedAndIsNotAvailableInSecondaryIpMode()
    {
        using var ds = NewDatastore(prefixDelegation: false);
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddCidr("eni-1", IPNetwork.Parse("10.0.0.1/32"));
        ds.AddCidr("eni-1", IPNetwork.Parse("10.0.0.2/32"));
        await ds.AssignAsync(new IpamKey("net0", "sandbox-1", "eth0"), Pod, CancellationToken.None);
        await ds.AssignAsync(new IpamKey("net0", "sandbox-2", "eth0"), Pod, CancellationToken.None);
        Assert.Equal((2, 2, 0, 0), Counters(ds.GetStats()));

        await ds.UnassignAsync(new IpamKey("net0", "sandbox-2", "eth0"), CancellationToken.None);

        // Upstream reports available = 2 − 1 = 1 here; we deliberately report 0 while the address
        // cools, because no pod can get it (issue #2896, docs/ipam.md).
        Assert.Equal((2, 1, 1, 0), Counters(ds.GetStats()));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((2, 1, 0, 1), Counters(ds.GetStats()));
    }

    [Fact]
    public async Task CooldownIsCountedAndIsNotAvailableInPrefixMode()
    {
        using var ds = NewDatastore(prefixDelegation: true);
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddCidr("eni-1", IPNetwork.Parse("10.0.0.0/28"));
        await ds.AssignAsync(new IpamKey("net0", "sandbox-1", "eth0"), Pod, CancellationToken.None);
        await ds.AssignAsync(new IpamKey("net0", "sandbox-2", "eth0"), Pod, CancellationToken.None);

        await ds.UnassignAsync(new IpamKey("net0", "sandbox-2", "eth0"), CancellationToken.None);

        var stats = ds.GetStats();
        Assert.Equal((16, 1, 1, 14), Counters(stats)); // upstream: available 15
        Assert.Equal((1, 0), (stats.TotalPrefixes, stats.FreePrefixes));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((16, 1, 0, 15), Counters(ds.GetStats()));
    }

    [Fact]
    public void StatsCountOnlyTheCurrentModeAndSkipExcludedEnis()
    {
        using var ds = NewDatastore(prefixDelegation: true);
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddEni(new EniDescriptor { Id = "eni-2", DeviceNumber = 1, IsExcludedForPodIps = true });
        ds.AddCidr("eni-1", IPNetwork.Parse("10.0.0.0/28"));
        ds.AddCidr("eni-1", IPNetwork.Parse("10.0.1.9/32"));
        ds.AddCidr("eni-2", IPNetwork.Parse("10.0.0.16/28"));

        var stats = ds.GetStats();

        Assert.Equal((16, 1, 1, 2, 1), (stats.TotalIps, stats.TotalPrefixes, stats.FreePrefixes, stats.EniCount, stats.ExcludedEniCount));
    }

    private static (int Total, int Assigned, int Cooldown, int Available) Counters(IpamStats s) =>
        (s.TotalIps, s.AssignedIps, s.CooldownIps, s.Available);
}
