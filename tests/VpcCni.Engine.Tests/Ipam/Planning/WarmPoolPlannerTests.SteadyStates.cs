using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam.Planning;

/// <summary>
/// Steady states from a fresh node with zero pods (upstream `test/integration/ipamd/warm_target_test*.go`), on an
/// m5.xlarge (4 ENIs × 15 IPv4), and the m5.large (3 ENIs × 10 IPv4) cases listed in docs/ipam.md "Worked numbers".
/// </summary>
public partial class WarmPoolPlannerTests
{
    [Theory]
    [InlineData(3, 0, 0, 2, 2, 28)]    // MAX_ENI=2 caps WARM_ENI=3
    [InlineData(3, 0, 0, -1, 3, 42)]
    [InlineData(2, 0, 0, -1, 2, 28)]
    [InlineData(1, 2, 0, -1, 1, 2)]
    [InlineData(1, 16, 0, -1, 2, 16)]
    [InlineData(1, 0, 2, -1, 1, 2)]
    [InlineData(1, 0, 16, -1, 2, 16)]
    [InlineData(1, 6, 10, -1, 1, 10)]
    public async Task SecondaryIpSteadyStateFromAFreshNode(int warmEni, int warmIp, int minIp, int maxEni, int enis, int ips)
    {
        using var node = FakeNodePool.FreshNode(
            new PoolTargets { WarmEniTarget = warmEni, WarmIpTarget = warmIp, MinimumIpTarget = minIp },
            FakeNodePool.LimitsOf("m5.xlarge", maxPods: 58, maxEni: maxEni));

        var ticks = await node.TickUntilStableAsync();

        Assert.Equal((enis, ips), (node.EniCount, node.TotalCidrs));
        Assert.True(ticks <= 120, $"took {ticks} ticks, more than the 10 minutes upstream allows");
    }

    [Theory]
    [InlineData(2, 0, 0, 1)]
    [InlineData(16, 0, 0, 1)]
    [InlineData(0, 2, 0, 1)]
    [InlineData(0, 16, 0, 1)]
    [InlineData(6, 10, 0, 1)]
    [InlineData(0, 0, 2, 2)]   // WARM_PREFIX=2 → 2 free prefixes
    [InlineData(2, 0, 1, 1)]   // IP targets override the prefix target
    [InlineData(0, 2, 2, 1)]
    public async Task PrefixSteadyStateFromAFreshNode(int warmIp, int minIp, int warmPrefix, int prefixes)
    {
        using var node = FakeNodePool.FreshNode(
            new PoolTargets { WarmIpTarget = warmIp, MinimumIpTarget = minIp, WarmPrefixTarget = warmPrefix, PrefixDelegation = true },
            FakeNodePool.LimitsOf("m5.xlarge", maxPods: 110));

        await node.TickUntilStableAsync();

        Assert.Equal([prefixes], node.CidrsPerEni);
    }

    [Fact]
    public async Task M5LargeWarmEniGrowsAnEniPerPodWaveAndShrinksBackToOne()
    {
        using var node = FakeNodePool.FreshNode(new PoolTargets { WarmEniTarget = 1 }, FakeNodePool.LimitsOf("m5.large", maxPods: 29));
        await node.TickUntilStableAsync();
        Assert.Equal([9], node.CidrsPerEni);

        await node.AddPodsAsync(1);
        await node.TickUntilStableAsync();
        Assert.Equal([9, 9], node.CidrsPerEni);

        await node.AddPodsAsync(9);
        await node.TickUntilStableAsync();
        Assert.Equal([9, 9, 9], node.CidrsPerEni);

        await node.RemovePodsAsync(10);
        var removedAt = node.Time.GetUtcNow();
        await node.TickUntilStableAsync();

        Assert.Equal([9], node.CidrsPerEni);
        var frees = node.History.Where(p => p.Actions.Any(a => a is FreeEniAction)).ToArray();
        Assert.Equal(2, frees.Length);
        Assert.All(frees, p => Assert.Single(p.Actions));
        // Nothing is freed while the released addresses cool down (30 s).
        var firstFree = node.TickTimes[node.History.FindIndex(p => p.Actions.Any(a => a is FreeEniAction))];
        Assert.True(removedAt.AddSeconds(30) <= firstFree, "an ENI was freed while its addresses were cooling");
    }

    [Fact]
    public async Task M5LargeWarmIpTwoWithEightPodsHoldsTenAddresses()
    {
        using var node = FakeNodePool.FreshNode(new PoolTargets { WarmIpTarget = 2 }, FakeNodePool.LimitsOf("m5.large", maxPods: 29));

        await node.AddPodsAsync(8);
        await node.TickUntilStableAsync();

        Assert.Equal([9, 1], node.CidrsPerEni);
    }

    [Fact]
    public async Task M5LargeWarmPrefixOneFollowsPodsUpAndReleasesTwoPrefixesAtOnce()
    {
        using var node = FakeNodePool.FreshNode(new PoolTargets { WarmPrefixTarget = 1, PrefixDelegation = true }, FakeNodePool.LimitsOf("m5.large", maxPods: 110));
        await node.TickUntilStableAsync();
        Assert.Equal([1], node.CidrsPerEni);

        await node.AddPodsAsync(16);
        await node.TickUntilStableAsync();
        Assert.Equal([2], node.CidrsPerEni);

        await node.AddPodsAsync(1);
        await node.TickUntilStableAsync();
        Assert.Equal([3], node.CidrsPerEni);

        node.History.Clear();
        node.TickTimes.Clear();
        await node.RemovePodsAsync(17);
        await node.TickUntilStableAsync();

        Assert.Equal([1], node.CidrsPerEni);
        var release = Assert.Single(node.History.SelectMany(p => p.Actions).OfType<ReleaseCidrsAction>());
        Assert.Equal(2, release.Cidrs.Count);
    }

    [Fact]
    public async Task M5LargeWarmIpFiveKeepsTheSparePrefixForTwelvePods()
    {
        using var node = FakeNodePool.FreshNode(new PoolTargets { WarmIpTarget = 5, PrefixDelegation = true }, FakeNodePool.LimitsOf("m5.large", maxPods: 110));

        await node.AddPodsAsync(12);
        await node.TickUntilStableAsync();

        Assert.Equal([2], node.CidrsPerEni);
        Assert.DoesNotContain(node.History.SelectMany(p => p.Actions), a => a is ReleaseCidrsAction);
    }
}
