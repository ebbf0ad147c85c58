namespace VpcCni.Engine.Linux.Wiring;

/// <summary>Routing-table numbers (upstream <c>pkg/networkutils/helper.go</c> <c>CalculateRouteTableId</c>; docs/dataplane.md).</summary>
public static class RouteTables
{
    /// <summary>RT_TABLE_MAIN.</summary>
    public const int Main = 254;

    /// <summary>The highest device number an ENI may have, so that ENI tables stay below the VLAN tables (id + 100).</summary>
    public const int MaxDeviceNumber = 100;

    /// <summary>
    /// Card 0: device 0 → main, device d → d + 1. Card c &gt; 0: 10000 + 100·c + d.
    /// </summary>
    public static int ForEni(int networkCard, int deviceNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(networkCard);
        ArgumentOutOfRangeException.ThrowIfNegative(deviceNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(deviceNumber, MaxDeviceNumber);
        if (networkCard == 0)
        {
            return deviceNumber == 0 ? Main : checked(deviceNumber + 1);
        }

        return checked(10000 + (100 * networkCard) + deviceNumber);
    }

    /// <summary>The table of a branch ENI's VLAN: VLAN id + 100.</summary>
    public static int ForVlan(int vlanId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vlanId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vlanId, 4094);
        return checked(vlanId + 100);
    }
}
