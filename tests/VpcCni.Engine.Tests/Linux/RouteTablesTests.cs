using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Tests.Linux;

public sealed class RouteTablesTests
{
    [Theory]
    [InlineData(0, 0, 254)]
    [InlineData(0, 1, 2)]
    [InlineData(0, 14, 15)]
    [InlineData(1, 0, 10100)]
    [InlineData(2, 3, 10203)]
    public void EniTableFollowsCalculateRouteTableId(int card, int device, int table) => Assert.Equal(table, RouteTables.ForEni(card, device));

    [Fact]
    public void VlanTableIsIdPlus100AndIdsOutside1To4094AreRefused()
    {
        Assert.Equal(107, RouteTables.ForVlan(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => RouteTables.ForVlan(4095));
        Assert.Throws<ArgumentOutOfRangeException>(() => RouteTables.ForEni(0, 101));
    }
}
