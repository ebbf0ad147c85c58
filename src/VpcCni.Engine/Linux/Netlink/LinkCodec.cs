using System.Buffers.Binary;
using System.Net.NetworkInformation;
using System.Runtime.InteropServices;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>RTM_*LINK encoding and decoding (<c>struct ifinfomsg</c> + IFLA_* attributes, rtnetlink(7)).</summary>
internal static class LinkCodec
{
    private const ushort CreateFlags = Rtnl.FRequest | Rtnl.FAck | Rtnl.FCreate | Rtnl.FExcl;

    public static NetlinkMessageWriter Dump() => new NetlinkMessageWriter(Rtnl.GetLink, Rtnl.FRequest | Rtnl.FDump).IfInfo(0);

    public static NetlinkMessageWriter GetByName(string name) =>
        new NetlinkMessageWriter(Rtnl.GetLink, Rtnl.FRequest | Rtnl.FAck).IfInfo(0).AttrString(Rtnl.IflaIfname, name);

    public static NetlinkMessageWriter GetByIndex(int index) => new NetlinkMessageWriter(Rtnl.GetLink, Rtnl.FRequest | Rtnl.FAck).IfInfo(index);

    /// <summary>
    /// A veth pair: this end named <paramref name="name"/> in the socket's namespace, the peer named
    /// <paramref name="peerName"/> and, when <paramref name="peerNamespaceFd"/> is given, created directly in
    /// that namespace (VETH_INFO_PEER carries its own ifinfomsg and IFLA_NET_NS_FD; drivers/net/veth.c).
    /// </summary>
    public static NetlinkMessageWriter CreateVeth(string name, string peerName, int mtu, PhysicalAddress? peerMac, int? peerNamespaceFd)
    {
        var w = new NetlinkMessageWriter(Rtnl.NewLink, CreateFlags).IfInfo(0).AttrString(Rtnl.IflaIfname, name);
        if (mtu > 0)
        {
            w.AttrU32(Rtnl.IflaMtu, checked((uint)mtu));
        }

        w.BeginNest(Rtnl.IflaLinkinfo).AttrString(Rtnl.IflaInfoKind, "veth").BeginNest(Rtnl.IflaInfoData).BeginNest(Rtnl.VethInfoPeer);
        w.IfInfo(0).AttrString(Rtnl.IflaIfname, peerName);
        if (mtu > 0)
        {
            w.AttrU32(Rtnl.IflaMtu, checked((uint)mtu));
        }

        if (peerMac is not null)
        {
            w.Attr(Rtnl.IflaAddress, peerMac.GetAddressBytes());
        }

        if (peerNamespaceFd is { } fd)
        {
            w.AttrU32(Rtnl.IflaNetNsFd, checked((uint)fd));
        }

        return w.EndNest().EndNest().EndNest();
    }

    /// <summary>An 802.1Q link on <paramref name="parentIndex"/> (IFLA_LINK) with IFLA_VLAN_ID.</summary>
    public static NetlinkMessageWriter CreateVlan(string name, int parentIndex, int vlanId, PhysicalAddress? mac, int mtu)
    {
        var w = new NetlinkMessageWriter(Rtnl.NewLink, CreateFlags).IfInfo(0)
            .AttrString(Rtnl.IflaIfname, name).AttrU32(Rtnl.IflaLink, checked((uint)parentIndex));
        if (mtu > 0)
        {
            w.AttrU32(Rtnl.IflaMtu, checked((uint)mtu));
        }

        if (mac is not null)
        {
            w.Attr(Rtnl.IflaAddress, mac.GetAddressBytes());
        }

        return w.BeginNest(Rtnl.IflaLinkinfo).AttrString(Rtnl.IflaInfoKind, "vlan")
            .BeginNest(Rtnl.IflaInfoData).AttrU16(Rtnl.IflaVlanId, checked((ushort)vlanId)).EndNest().EndNest();
    }

    public static NetlinkMessageWriter CreateDummy(string name, PhysicalAddress? mac)
    {
        var w = new NetlinkMessageWriter(Rtnl.NewLink, CreateFlags).IfInfo(0).AttrString(Rtnl.IflaIfname, name);
        if (mac is not null)
        {
            w.Attr(Rtnl.IflaAddress, mac.GetAddressBytes());
        }

        return w.BeginNest(Rtnl.IflaLinkinfo).AttrString(Rtnl.IflaInfoKind, "dummy").EndNest();
    }

    /// <summary>A change to an existing link: flags under <paramref name="change"/> mask, plus attributes added by the caller.</summary>
    public static NetlinkMessageWriter Change(int index, uint flags = 0, uint change = 0) =>
        new NetlinkMessageWriter(Rtnl.NewLink, Rtnl.FRequest | Rtnl.FAck).IfInfo(index, flags, change);

    public static NetlinkMessageWriter Delete(int index) => new NetlinkMessageWriter(Rtnl.DelLink, Rtnl.FRequest | Rtnl.FAck).IfInfo(index);

    public static LinkInfo? Decode(NetlinkMessage message)
    {
        if (message.Type != Rtnl.NewLink || message.Payload.Length < 16)
        {
            return null;
        }

        var span = message.Payload.Span;
        var index = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(span[8..]);
        var attrs = NetlinkAttributes.Parse(message.Payload[16..]);
        var info = attrs.Nested(Rtnl.IflaLinkinfo);
        var kind = info?.String(Rtnl.IflaInfoKind);
        int? vlanId = kind == "vlan" ? info?.Nested(Rtnl.IflaInfoData)?.U16(Rtnl.IflaVlanId) : null;
        var mac = attrs.Mac(Rtnl.IflaAddress);
        return new LinkInfo(
            index,
            attrs.String(Rtnl.IflaIfname) ?? string.Empty,
            mac,
            (int)(attrs.U32(Rtnl.IflaMtu) ?? 0),
            (flags & Rtnl.IffUp) != 0,
            kind,
            attrs.U32(Rtnl.IflaLink) is { } parent ? (int)parent : null,
            vlanId);
    }

    /// <summary>A random, locally administered, unicast MAC (bit 1 of the first octet set, bit 0 clear), as upstream's veth host end.</summary>
    /// <remarks>
    /// <see cref="Random.Shared"/>, seeded per process by the runtime from the kernel, not
    /// <c>RandomNumberGenerator</c>: a MAC needs to be unlikely to collide, not unpredictable, and the
    /// cryptographic generator loads OpenSSL on Linux, which cost the plugin about 4 ms per ADD
    /// (docs/plugin.md, "Start-up").
    /// </remarks>
    public static PhysicalAddress RandomLocalMac()
    {
        Span<byte> bytes = stackalloc byte[6];
#pragma warning disable CA5394 // Not security: see remarks.
        Random.Shared.NextBytes(bytes);
#pragma warning restore CA5394
        bytes[0] = (byte)((bytes[0] & 0xFE) | 0x02);
        return new PhysicalAddress(bytes.ToArray());
    }

    internal static int HandleValue(SafeHandle handle) => checked((int)handle.DangerousGetHandle());
}
