using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam.Planning;

/// <summary>
/// The tables of upstream docs/eni-and-ip-target.md and docs/prefix-and-ip-target.md (upstream's
/// documented warm-pool examples; our docs/ipam.md "Worked numbers"), driven tick by tick from a fresh node with the real instance limits: pods are scheduled
/// one by one (a pod that finds no address waits a tick, as kubelet retries), then the pool runs
/// until nothing changes for 150 s.
/// </summary>
public partial class WarmPoolPlannerTests
{
    [Theory]
    [InlineData("t3.small", 1, 0, 0, 0, 1, new[] { 3 }, 3)]
    [InlineData("t3.small", 1, 0, 0, 5, 3, new[] { 3, 3, 3 }, 4)]
    [InlineData("t3.small", 1, 0, 0, 9, 3, new[] { 3, 3, 3 }, 0)]
    [InlineData("t3.small", 0, 1, 1, 0, 1, new[] { 1 }, 1)]
    [InlineData("t3.small", 0, 1, 1, 5, 2, new[] { 3, 3 }, 1)]
    [InlineData("t3.small", 0, 2, 5, 0, 2, new[] { 3, 2 }, 5)]
    [InlineData("t3.small", 0, 2, 5, 5, 3, new[] { 3, 3, 1 }, 2)]
    [InlineData("p3dn.24xlarge", 1, 0, 0, 3, 2, new[] { 49, 49 }, 95)]
    [InlineData("p3dn.24xlarge", 1, 0, 0, 95, 3, new[] { 49, 49, 49 }, 52)]
    [InlineData("p3dn.24xlarge", 0, 5, 10, 0, 1, new[] { 10 }, 10)]
    [InlineData("p3dn.24xlarge", 0, 5, 10, 7, 1, new[] { 12 }, 5)]
    [InlineData("p3dn.24xlarge", 0, 5, 10, 15, 1, new[] { 20 }, 5)]
    [InlineData("p3dn.24xlarge", 0, 5, 10, 45, 2, new[] { 49, 1 }, 5)]
    public async Task SecondaryIpDocTableRowsAreReproduced(string type, int warmEni, int warmIp, int minIp, int pods, int enis, int[] ipsPerEni, int unused)
    {
        using var node = FakeNodePool.FreshNode(
            new PoolTargets { WarmEniTarget = warmEni, WarmIpTarget = warmIp, MinimumIpTarget = minIp },
            FakeNodePool.LimitsOf(type, maxPods: 737));

        await node.AddPodsAsync(pods);
        await node.TickUntilStableAsync();

        Assert.Equal(enis, node.EniCount);
        Assert.Equal(ipsPerEni, node.CidrsPerEni);
        Assert.Equal(unused, node.Stats.Available);
    }

    /// <summary>t3.small with WARM_PREFIX_TARGET=1: 0/5/16/17 pods → 1/2/2/3 prefixes, all on the primary ENI.</summary>
    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 2)]
    [InlineData(16, 2)]
    [InlineData(17, 3)]
    public async Task PrefixDocTableRowsAreReproduced(int pods, int prefixes)
    {
        using var node = FakeNodePool.FreshNode(new PoolTargets { WarmPrefixTarget = 1, PrefixDelegation = true }, FakeNodePool.LimitsOf("t3.small", maxPods: 110));

        await node.AddPodsAsync(pods);
        await node.TickUntilStableAsync();

        Assert.Equal([prefixes], node.CidrsPerEni);
    }

    /// <summary>
    /// Corrected row: the doc says 1 prefix for WARM_IP=7, MINIMUM_IP=20 with 0 pods, but the code
    /// needs ceil(20 / 16) = 2 prefixes; the formula is authoritative (docs/ipam.md "Worked numbers").
    /// </summary>
    [Fact]
    public async Task MinimumIpTwentyNeedsTwoPrefixesNotOne()
    {
        using var node = FakeNodePool.FreshNode(new PoolTargets { WarmIpTarget = 7, MinimumIpTarget = 20, PrefixDelegation = true }, FakeNodePool.LimitsOf("t3.small", maxPods: 110));

        await node.TickUntilStableAsync();

        Assert.Equal([2], node.CidrsPerEni);
    }

    /// <summary>Corrected row: p3dn with WARM_PREFIX=1 and 3 pods is 1 ENI with 2 prefixes, not 2 ENIs.</summary>
    [Fact]
    public async Task P3dnWithThreePodsKeepsOneEniWithTwoPrefixes()
    {
        using var node = FakeNodePool.FreshNode(new PoolTargets { WarmPrefixTarget = 1, PrefixDelegation = true }, FakeNodePool.LimitsOf("p3dn.24xlarge", maxPods: 250));

        await node.AddPodsAsync(3);
        await node.TickUntilStableAsync();

        Assert.Equal([2], node.CidrsPerEni);
    }
}
