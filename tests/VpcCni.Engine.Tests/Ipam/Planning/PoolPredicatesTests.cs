using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam.Planning;

public class PoolPredicatesTests
{
    /// <summary>Upstream `pkg/ipamd/ipamd_test.go` TestIPAMContext_nodeIPPoolTooLow: the primary ENI with 3 /32s, 0/1/3 used.</summary>
    [Theory]
    [InlineData(14, 1, 0, -1, 0, 500, true)]
    [InlineData(14, 0, 0, -1, 0, 500, true)]  // warm 0 and nothing available
    [InlineData(14, 0, 3, -1, 0, 500, true)]
    [InlineData(3, 1, 1, 3, 0, 500, false)]   // short = 0
    [InlineData(3, 1, 0, 3, 1, 500, true)]    // 2 < 3
    [InlineData(3, 0, 0, 3, 1, 500, false)]
    [InlineData(3, 1, 0, 3, 3, 500, true)]
    [InlineData(3, 0, 0, 3, 3, 500, true)]
    [InlineData(3, 0, 5, 3, 3, 3, false)]     // TotalIPs ≥ maxPods
    public async Task SecondaryIpPoolTooLowMatchesTheUpstreamTable(int maxIps, int warmEni, int warmIp, int ips, int used, int maxPods, bool low)
    {
        var snapshot = ips < 0 ? await Datastores.EmptyAsync(false) : await Datastores.SnapshotAsync(false, [ips], used);
        var targets = new PoolTargets { WarmEniTarget = warmEni, WarmIpTarget = warmIp };
        var limits = new PoolLimits { MaxEni = 4, MaxCidrsPerEni = maxIps, MaxPods = maxPods };

        var state = TargetState.Compute(snapshot.Stats, targets, false);

        Assert.Equal(low, PoolPredicates.IsTooLow(snapshot.Stats, state, targets, limits, out var reason));
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    /// <summary>Upstream `pkg/ipamd/ipamd_test.go` TestIPAMContext_nodePrefixPoolTooLow: 16 prefixes (256 IPs) per ENI, 4 ENIs.</summary>
    [Theory]
    [InlineData(1, -1, 0, 500, true)]
    [InlineData(0, -1, 0, 500, true)]
    [InlineData(1, 1, 0, 500, false)]
    [InlineData(1, 1, 1, 500, true)]
    [InlineData(1, 1, 3, 500, true)]
    [InlineData(0, 1, 1, 500, false)]
    [InlineData(0, 1, 3, 500, false)]
    [InlineData(1, 1, 3, 4, false)]           // maxPods reached
    public async Task PrefixPoolTooLowMatchesTheUpstreamTable(int warmPrefix, int prefixes, int pods, int maxPods, bool low)
    {
        var snapshot = prefixes < 0 ? await Datastores.EmptyAsync(true) : await Datastores.SnapshotAsync(true, [prefixes], pods);
        var targets = new PoolTargets { WarmPrefixTarget = warmPrefix, PrefixDelegation = true };
        var limits = new PoolLimits { MaxEni = 4, MaxCidrsPerEni = 16, MaxPods = maxPods };

        var state = TargetState.Compute(snapshot.Stats, targets, true);

        Assert.Equal(low, PoolPredicates.IsTooLow(snapshot.Stats, state, targets, limits, out _));
    }

    [Fact]
    public void PlainWarmEniModeIsNeverTooHigh()
    {
        var stats = new IpamStats { TotalIps = 45 };
        var targets = new PoolTargets { WarmEniTarget = 1 };

        Assert.False(PoolPredicates.IsTooHigh(stats, TargetState.Compute(stats, targets, false), targets, out _));
    }

    [Fact]
    public void PrefixModeWithoutIpTargetsIsTooHighWithMoreFreePrefixesThanWarm()
    {
        var targets = new PoolTargets { WarmPrefixTarget = 1, PrefixDelegation = true };
        var two = new IpamStats { TotalIps = 32, TotalPrefixes = 2, FreePrefixes = 2 };
        var one = new IpamStats { TotalIps = 32, AssignedIps = 1, TotalPrefixes = 2, FreePrefixes = 1 };

        Assert.True(PoolPredicates.IsTooHigh(two, TargetState.Compute(two, targets, true), targets, out _));
        Assert.False(PoolPredicates.IsTooHigh(one, TargetState.Compute(one, targets, true), targets, out _));
    }

    [Theory]
    [InlineData(false, 1, 17, false)]   // WARM_ENI 1, maxIPs 9: needs 18 available
    [InlineData(false, 1, 18, true)]
    [InlineData(true, 0, 0, true)]      // IP targets: always look
    public async Task ExtraEnisAreLookedForWithOneWarmUnitTooMany(bool ipTargets, int warmEni, int available, bool expected)
    {
        var snapshot = await Datastores.SnapshotAsync(false, [9, 9], pods: 18 - available);
        var targets = new PoolTargets { WarmEniTarget = warmEni, WarmIpTarget = ipTargets ? 1 : 0 };

        Assert.Equal(expected, PoolPredicates.ShouldRemoveExtraEnis(snapshot, targets, new PoolLimits { MaxEni = 3, MaxCidrsPerEni = 9 }));
    }

    [Theory]
    [InlineData(false, 0, 3, true)]
    [InlineData(false, 0, 2, false)]   // 2 ENIs of 2
    [InlineData(true, 0, 3, false)]    // a slot is kept for the trunk
    [InlineData(true, 1, 3, true)]     // unless this is another card
    public async Task RoomForAnEniCountsTheTrunkReserve(bool podEni, int card, int maxEni, bool room)
    {
        var snapshot = await Datastores.SnapshotAsync(false, [3, 3], networkCard: card);

        var result = PoolPredicates.HasRoomForEni(snapshot, new PoolTargets { PodEniEnabled = podEni }, new PoolLimits { MaxEni = maxEni, MaxCidrsPerEni = 3 }, out var reason);

        Assert.Equal(room, result);
        Assert.Contains("ENIs in use", reason, StringComparison.Ordinal);
    }
}
