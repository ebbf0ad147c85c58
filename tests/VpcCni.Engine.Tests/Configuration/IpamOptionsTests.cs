using VpcCni.Engine.Configuration;

namespace VpcCni.Engine.Tests.Configuration;

public class IpamOptionsTests
{
    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(1, 0, true)]
    [InlineData(0, 1, true)]
    [InlineData(5, 20, true)]
    public void WarmIpTargetsAreDefinedWhenEitherIpTargetIsPositive(int warmIp, int minimumIp, bool defined)
    {
        var options = new IpamOptions { WarmIpTarget = warmIp, MinimumIpTarget = minimumIp, WarmEniTarget = 2 };

        Assert.Equal(defined, options.WarmIpTargetsDefined);
        Assert.Equal(defined ? 0 : 2, options.EffectiveWarmEniTarget);
    }

    [Theory]
    [InlineData(-1, 8, 8)]
    [InlineData(3, 8, 3)]
    [InlineData(12, 8, 8)]
    [InlineData(1, 8, 1)]
    public void MaxEniOnlyCapsWhenAtLeastOneAndBelowTheInstanceLimit(int maxEni, int instanceLimit, int expected)
    {
        var options = new IpamOptions { MaxEni = maxEni };

        Assert.Equal(expected, options.EffectiveMaxEni(instanceLimit));
        Assert.Equal(maxEni >= 1 ? maxEni : null, options.MaxEniCap);
    }
}
