using System.Net.NetworkInformation;

namespace VpcCni.Engine.Linux;

/// <summary>A network link as the kernel reports it (RTM_NEWLINK).</summary>
/// <param name="Index">The interface index, unique within its namespace.</param>
/// <param name="Name">The interface name (IFNAMSIZ: at most 15 characters).</param>
/// <param name="Mac">The hardware address, if the link has one.</param>
/// <param name="Mtu">The MTU in bytes.</param>
/// <param name="IsUp">Whether IFF_UP is set (administratively up).</param>
/// <param name="Kind">The driver kind from IFLA_INFO_KIND (<c>veth</c>, <c>vlan</c>, <c>dummy</c>…), if any.</param>
/// <param name="ParentIndex">IFLA_LINK: the VLAN parent or the veth peer's index (in the peer's namespace).</param>
/// <param name="VlanId">The 802.1Q id of a <c>vlan</c> link.</param>
public sealed record LinkInfo(int Index, string Name, PhysicalAddress? Mac, int Mtu, bool IsUp, string? Kind, int? ParentIndex, int? VlanId);
