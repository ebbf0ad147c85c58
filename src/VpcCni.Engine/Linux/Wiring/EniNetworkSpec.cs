using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using VpcCni.Engine.Networking;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>One attached ENI as the host dataplane needs it (upstream <c>pkg/networkutils/network.go</c> <c>setupENINetwork</c>).</summary>
/// <param name="Mac">The ENI's MAC (IMDS <c>network/interfaces/macs/</c>), used to find its link.</param>
/// <param name="PrimaryIp">The ENI's primary private address.</param>
/// <param name="Subnet">The ENI's subnet CIDR.</param>
/// <param name="DeviceNumber">The attachment's device index.</param>
/// <param name="NetworkCard">The network card index.</param>
/// <param name="IsPrimary">The instance's primary ENI (only its MTU is set).</param>
/// <param name="IsTrunk">The SGP trunk ENI (no priority-32765 rule).</param>
public sealed record EniNetworkSpec(
    PhysicalAddress Mac,
    IPAddress PrimaryIp,
    IPNetwork Subnet,
    int DeviceNumber,
    int NetworkCard = 0,
    bool IsPrimary = false,
    bool IsTrunk = false)
{
    /// <summary>Rule priority of <c>from &lt;ENI primary IP&gt; lookup &lt;table&gt;</c>.</summary>
    public const int FromEniRulePriority = 32765;

    /// <summary>The ENI's routing table.</summary>
    public int RouteTable => RouteTables.ForEni(NetworkCard, DeviceNumber);

    /// <summary>The VPC router: subnet base + 1 for IPv4, <c>fe80:ec2::1</c> for IPv6.</summary>
    public IPAddress Gateway
    {
        get
        {
            if (Subnet.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6)
            {
                return IPAddress.Parse("fe80:ec2::1");
            }

            return AddressMath.Nth(Subnet, 1);
        }
    }
}
