using VpcCni.Engine.Ipam.Planning;

namespace VpcCni.Engine.Tests.Ipam.Planning;

public class PoolTargetsTests
{
    [Fact]
    public void CardsAboveZeroKeepOneWarmAndOneMinimumAddress()
    {
        var targets = new PoolTargets { WarmEniTarget = 2 };

        Assert.Same(targets, targets.ForNetworkCard(0));
        var card1 = targets.ForNetworkCard(1);
        Assert.Equal((1, 1, true), (card1.WarmIpTarget, card1.MinimumIpTarget, card1.IpTargetsDefined));
    }

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(1, 0, true)]
    [InlineData(0, 1, true)]
    public void IpTargetsAreDefinedByWarmIpOrMinimumIp(int warmIp, int minIp, bool defined)
    {
        Assert.Equal(defined, new PoolTargets { WarmIpTarget = warmIp, MinimumIpTarget = minIp }.IpTargetsDefined);
    }
}
