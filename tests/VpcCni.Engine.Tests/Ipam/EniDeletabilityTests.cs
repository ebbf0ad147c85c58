using System.Net;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam;

/// <summary>Which ENI may be freed, per upstream `pkg/ipamd/datastore/data_store_test.go` TestWarmENIInteractions.</summary>
public class EniDeletabilityTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WarmEniInteractionsMatchTheUpstreamTable()
    {
        using var ds = new IpamDatastore(new InMemoryCheckpointStore(), _time);
        ds.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true });
        ds.AddEni(new EniDescriptor { Id = "eni-2", DeviceNumber = 1 });
        ds.AddEni(new EniDescriptor { Id = "eni-3", DeviceNumber = 2 });
        AddIps(ds, "eni-1", "1.1.1.1", "1.1.1.2");
        AddIps(ds, "eni-2", "1.1.2.1", "1.1.2.2");
        AddIps(ds, "eni-3", "1.1.3.1");
        await ds.AssignAsync(new IpamKey("net0", "sandbox-1", "eth0"), IpamMetadata.None, CancellationToken.None);
        await ds.AssignAsync(new IpamKey("net0", "sandbox-2", "eth0"), IpamMetadata.None, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.Null(ds.RemoveUnusedEni(new DeletabilityTargets(3, 1, 0)));      // warm IPs needed
        Assert.Null(ds.RemoveUnusedEni(new DeletabilityTargets(1, 5, 0)));      // minimum IPs needed
        Assert.Equal("eni-3", ds.RemoveUnusedEni(new DeletabilityTargets(2, 4, 0)));
        Assert.Null(ds.RemoveUnusedEni(new DeletabilityTargets(0, 3, 0)));      // eni-1, eni-2 left
        Assert.Equal("eni-2", ds.RemoveUnusedEni(new DeletabilityTargets(0, 2, 0)));

        ds.AddEni(new EniDescriptor { Id = "eni-4", DeviceNumber = 3, IsTrunk = true });
        ds.AddEni(new EniDescriptor { Id = "eni-5", DeviceNumber = 4, IsEfa = true });
        AddIps(ds, "eni-4", "1.1.4.1");
        AddIps(ds, "eni-5", "1.1.5.1");
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(ds.RemoveUnusedEni(new DeletabilityTargets(0, 2, 0)));      // trunk and EFA stay
        Assert.Equal(3, ds.Snapshot().Enis.Count);

        ds.AddEni(new EniDescriptor { Id = "eni-6", DeviceNumber = 5 });
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("eni-6", ds.RemoveUnusedEni(new DeletabilityTargets(0, 2, 0)));
    }

    [Fact]
    public void VerdictsNameTheRuleThatKeepsEachEni()
    {
        var now = _time.GetUtcNow();
        var snapshot = new DatastoreSnapshot
        {
            TakenAt = now,
            Enis =
            [
                Eni("eni-p", 0, now.AddHours(-1), primary: true),
                Eni("eni-young", 1, now.AddSeconds(-59)),
                Eni("eni-cool", 2, now.AddHours(-1), new AddressSnapshot(IPAddress.Parse("10.0.0.3"), default, IpamMetadata.None, null, now, true)),
                Eni("eni-trunk", 3, now.AddHours(-1), trunk: true),
                Eni("eni-excluded", 4, now.AddHours(-1), excluded: true),
                Eni("eni-free", 5, now.AddSeconds(-60)),
            ],
        };

        var verdicts = EniDeletability.Evaluate(snapshot, DeletabilityTargets.None, now);

        Assert.Equal(
            ["primary", "younger than 60 s", "in cooldown", "trunk", "excluded", "no pod"],
            verdicts.Select(v => KeyPhrase(v.Reason)));
        Assert.Equal("eni-free", EniDeletability.FindDeletable(snapshot, DeletabilityTargets.None, now)!.EniId);
    }

    [Fact]
    public void PrefixModeRoundsIpTargetsUpToWholePrefixes()
    {
        var now = _time.GetUtcNow();
        var old = now.AddHours(-1);
        var snapshot = new DatastoreSnapshot
        {
            TakenAt = now,
            PrefixDelegation = true,
            Enis = [Eni("eni-1", 0, old, prefix: "10.0.0.0/28", primary: true), Eni("eni-2", 1, old, prefix: "10.0.0.16/28")],
        };

        // WARM_IP=1 needs one whole free prefix (16 addresses) on the other ENIs: eni-1 has it.
        Assert.Equal("eni-2", EniDeletability.FindDeletable(snapshot, new DeletabilityTargets(1, 0, 0), now)!.EniId);

        // MINIMUM_IP=17 rounds up to 32 addresses; the other ENIs hold only 16.
        Assert.Null(EniDeletability.FindDeletable(snapshot, new DeletabilityTargets(0, 17, 0), now));

        // WARM_PREFIX=2 needs two free prefixes elsewhere.
        Assert.Null(EniDeletability.FindDeletable(snapshot, new DeletabilityTargets(0, 0, 2), now));
    }

    [Fact]
    public void AShorterMinimumLifetimeLetsAYoungerEniGo()
    {
        var now = _time.GetUtcNow();
        var snapshot = new DatastoreSnapshot { TakenAt = now, Enis = [Eni("eni-p", 0, now.AddHours(-1), primary: true), Eni("eni-2", 1, now.AddSeconds(-2))] };

        Assert.Contains("younger than 60 s", EniDeletability.Evaluate(snapshot, DeletabilityTargets.None, now)[1].Reason, StringComparison.Ordinal);
        Assert.Equal("eni-2", EniDeletability.FindDeletable(snapshot, DeletabilityTargets.None with { MinimumEniLifetime = TimeSpan.FromSeconds(2) }, now)!.EniId);
        Assert.Contains(
            "younger than 2.5 s",
            EniDeletability.Evaluate(snapshot, DeletabilityTargets.None with { MinimumEniLifetime = TimeSpan.FromSeconds(2.5) }, now)[1].Reason,
            StringComparison.Ordinal);
    }

    private static void AddIps(IpamDatastore ds, string eniId, params string[] ips)
    {
        foreach (var ip in ips)
        {
            ds.AddCidr(eniId, new IPNetwork(IPAddress.Parse(ip), 32));
        }
    }

    private static EniSnapshot Eni(string id, int device, DateTimeOffset created, AddressSnapshot? address = null, string? prefix = null,
        bool primary = false, bool trunk = false, bool excluded = false) => new()
    {
        Descriptor = new EniDescriptor { Id = id, DeviceNumber = device, IsPrimary = primary, IsTrunk = trunk, IsExcludedForPodIps = excluded },
        CreatedAt = created,
        Cidrs = prefix is not null
            ? [new CidrSnapshot(IPNetwork.Parse(prefix), [])]
            : [new CidrSnapshot(new IPNetwork(address?.Address ?? IPAddress.Parse($"10.0.1.{device}"), 32), address is null ? [] : [address])],
    };

    private static string KeyPhrase(string reason) =>
        new[] { "primary", "younger than 60 s", "in cooldown", "trunk", "excluded", "no pod" }.First(p => reason.Contains(p, StringComparison.Ordinal));
}
