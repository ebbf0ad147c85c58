using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Limits;

namespace VpcCni.Engine.Tests.Ipam.Planning;

public class PoolLimitsTests
{
    [Theory]
    [InlineData(-1, 3)]
    [InlineData(0, 3)]     // MAX_ENI below 1 is ignored
    [InlineData(2, 2)]
    [InlineData(8, 3)]     // never above the instance limit
    public void MaxEniSettingOnlyLowersTheInstanceLimit(int maxEniSetting, int expected)
    {
        var limits = PoolLimits.ForInstanceType(InstanceTypeCatalog.Embedded.Get("m5.large"), 0, maxEniSetting, 29);

        Assert.Equal((expected, 9, 29), (limits.MaxEni, limits.MaxCidrsPerEni, limits.MaxPods));
    }

    [Fact]
    public void PrefixModeHoldsSixteenAddressesPerCidrSlot()
    {
        var limits = PoolLimits.ForInstanceType(InstanceTypeCatalog.Embedded.Get("m5.large"), 0, -1, 110);

        Assert.Equal((9, 144), (limits.MaxIpsPerEni(false), limits.MaxIpsPerEni(true)));
    }

    [Fact]
    public void EachNetworkCardUsesItsOwnEniLimit()
    {
        var limits = PoolLimits.ForInstanceType(InstanceTypeCatalog.Embedded.Get("trn1.32xlarge"), 7, -1, 247);

        Assert.Equal((5, 49), (limits.MaxEni, limits.MaxCidrsPerEni));
    }
}
