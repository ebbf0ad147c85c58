using VpcCni.Engine.Introspection;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.NodeSettings;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.NodeSettings;

public sealed class NodeSettlementTests
{
    private static readonly PoolLimits Limits = new() { MaxEni = 3, MaxCidrsPerEni = 10 };

    [Fact]
    public async Task APoolHoldingItsWarmTargetIsAtRest()
    {
        // 4 pods on 9 addresses: 5 free, which WARM_IP_TARGET=5 asks for.
        var pool = await ForecastAsync(new PoolTargets { WarmIpTarget = 5 }, cidrs: [9], pods: 4);

        Assert.Null(NodeSettlement.Pending([pool]));
    }

    [Fact]
    public async Task APoolShortOfARaisedTargetIsPendingWithItsNextStep()
    {
        var pool = await ForecastAsync(new PoolTargets { WarmIpTarget = 12 }, cidrs: [9], pods: 4);

        var pending = NodeSettlement.Pending([pool]);

        Assert.NotNull(pending);
        Assert.StartsWith("card 0: next step", pending, StringComparison.Ordinal);
        Assert.Contains("5 available of 9", pending, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APoolAboveALoweredTargetIsPendingUntilItReleases()
    {
        var pool = await ForecastAsync(new PoolTargets { WarmIpTarget = 1 }, cidrs: [9], pods: 1);

        Assert.NotNull(NodeSettlement.Pending([pool]));
    }

    [Fact]
    public async Task EveryCardMustBeAtRest()
    {
        var atRest = await ForecastAsync(new PoolTargets { WarmIpTarget = 5 }, cidrs: [9], pods: 4);
        var short1 = await ForecastAsync(new PoolTargets { WarmIpTarget = 8 }, cidrs: [9], pods: 4);

        Assert.NotNull(NodeSettlement.Pending([atRest, short1]));
    }

    private static async Task<WarmPoolForecast> ForecastAsync(PoolTargets targets, int[] cidrs, int pods)
    {
        var snapshot = await Datastores.SnapshotAsync(prefixDelegation: false, cidrs, pods);
        return WarmPoolForecast.Predict(snapshot, targets, Limits, "given", Datastores.Epoch.AddHours(1));
    }
}
