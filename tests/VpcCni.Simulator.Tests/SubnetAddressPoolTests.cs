using System.Net;
using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Tests;

public sealed class SubnetAddressPoolTests
{
    [Fact]
    public void FiveAddressesAreReservedAndAllocationStartsAtDotFour()
    {
        var pool = new SubnetAddressPool(IPNetwork.Parse("10.0.0.0/24"));
        Assert.Equal(251, pool.Available);
        Assert.Equal(IPAddress.Parse("10.0.0.4"), pool.AllocateLowest());
        Assert.False(pool.TryAllocate(IPAddress.Parse("10.0.0.255")));
        Assert.False(pool.TryAllocate(IPAddress.Parse("10.0.1.1")));
    }

    [Fact]
    public void PrefixesNeedAlignedWhollyFreeBlocks()
    {
        var pool = new SubnetAddressPool(IPNetwork.Parse("10.0.0.0/26"));
        Assert.Equal(2, pool.FreePrefixBlocks());
        Assert.True(pool.TryAllocate(IPAddress.Parse("10.0.0.17")));
        Assert.Equal(IPNetwork.Parse("10.0.0.32/28"), pool.AllocatePrefix());
        Assert.Null(pool.AllocatePrefix());
        Assert.False(pool.TryAllocatePrefix(IPNetwork.Parse("10.0.0.16/28")));
        pool.Release(IPAddress.Parse("10.0.0.17"));
        Assert.True(pool.TryAllocatePrefix(IPNetwork.Parse("10.0.0.16/28")));
        Assert.Equal(64 - 5 - 32, pool.Available);
    }

    [Fact]
    public void SubnetsOutsideSixteenToTwentyEightAreRefused() =>
        Assert.Throws<ArgumentException>(() => new SubnetAddressPool(IPNetwork.Parse("10.0.0.0/29")));
}
