using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Win32.SafeHandles;

namespace VpcCni.Engine.Linux;

/// <summary>
/// rtnetlink operations in ONE network namespace: the one the instance was opened in (the netlink port of docs/dataplane.md).
/// Creating what exists throws <see cref="Netlink.NetlinkAlreadyExistsException"/>; changing or deleting
/// what is gone throws <see cref="Netlink.NetlinkNotFoundException"/>, so callers can be idempotent by type.
/// </summary>
public interface INetlink : IDisposable
{
    IReadOnlyList<LinkInfo> ListLinks();

    /// <summary>The link called <paramref name="name"/>, or null.</summary>
    LinkInfo? FindLinkByName(string name);

    /// <summary>The link with <paramref name="index"/>, or null.</summary>
    LinkInfo? FindLinkByIndex(int index);

    /// <summary>The first link whose hardware address is <paramref name="mac"/>, or null.</summary>
    LinkInfo? FindLinkByMac(PhysicalAddress mac);

    /// <summary>A veth pair; the peer is created directly in <paramref name="peerNamespace"/> when given.</summary>
    void CreateVeth(string name, string peerName, int mtu, PhysicalAddress? peerMac, SafeFileHandle? peerNamespace);

    /// <summary>An 802.1Q VLAN link <paramref name="name"/> on the parent link with the given id.</summary>
    void CreateVlan(string name, int parentIndex, int vlanId, PhysicalAddress? mac, int mtu);

    void CreateDummy(string name, PhysicalAddress? mac);

    void SetMtu(int index, int mtu);

    void SetUp(int index);

    void SetDown(int index);

    void SetMac(int index, PhysicalAddress mac);

    /// <summary>Renames a link (the kernel refuses this while the link is up: EBUSY).</summary>
    void Rename(int index, string newName);

    /// <summary>Moves a link into another namespace (IFLA_NET_NS_FD).</summary>
    void MoveToNamespace(int index, SafeFileHandle targetNamespace);

    void DeleteLink(int index);

    IReadOnlyList<AddressEntry> ListAddresses(int? linkIndex = null, AddressFamily? family = null);

    void AddAddress(int linkIndex, IPAddress address, int prefixLength, RouteScope scope = RouteScope.Universe);

    void DeleteAddress(int linkIndex, IPAddress address, int prefixLength);

    /// <summary>Makes <paramref name="address"/> the link's only global address of its family (upstream setupENINetwork step 2).</summary>
    void ReplaceGlobalAddresses(int linkIndex, IPAddress address, int prefixLength);

    /// <summary>Unicast routes of a family, in every table or only in <paramref name="table"/>.</summary>
    IReadOnlyList<RouteEntry> ListRoutes(AddressFamily family, int? table = null);

    void AddRoute(RouteEntry route);

    void ReplaceRoute(RouteEntry route);

    void DeleteRoute(RouteEntry route);

    IReadOnlyList<RuleEntry> ListRules(AddressFamily family);

    void AddRule(RuleEntry rule);

    /// <summary>Deletes the first rule matching every selector given (unset selectors match any value).</summary>
    void DeleteRule(RuleEntry rule);

    IReadOnlyList<NeighbourEntry> ListNeighbours(AddressFamily family, int? linkIndex = null);

    void AddNeighbour(NeighbourEntry entry);

    void ReplaceNeighbour(NeighbourEntry entry);

    void DeleteNeighbour(NeighbourEntry entry);
}
