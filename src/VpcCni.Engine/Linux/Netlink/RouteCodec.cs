using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>RTM_*ROUTE encoding and decoding (<c>struct rtmsg</c> + RTA_* attributes).</summary>
internal static class RouteCodec
{
    public static NetlinkMessageWriter Dump(AddressFamily family)
    {
        Span<byte> header = stackalloc byte[12];
        header[0] = AddressCodec.Family(family);
        return new NetlinkMessageWriter(Rtnl.GetRoute, Rtnl.FRequest | Rtnl.FDump).Bytes(header);
    }

    public static NetlinkMessageWriter Add(RouteEntry route, bool replace) =>
        Build(Rtnl.NewRoute, (ushort)(Rtnl.FRequest | Rtnl.FAck | Rtnl.FCreate | (replace ? Rtnl.FReplace : Rtnl.FExcl)), route, delete: false);

    /// <summary>
    /// A delete names protocol 0, type 0 and scope "nowhere" so that the kernel matches any value of
    /// them (fib_table_delete in net/ipv4/fib_trie.c), as <c>ip route del</c> does.
    /// </summary>
    public static NetlinkMessageWriter Delete(RouteEntry route) => Build(Rtnl.DelRoute, Rtnl.FRequest | Rtnl.FAck, route, delete: true);

    public static RouteEntry? Decode(NetlinkMessage message)
    {
        if (message.Type != Rtnl.NewRoute || message.Payload.Length < 12)
        {
            return null;
        }

        var span = message.Payload.Span;
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(span[8..]);
        if (span[7] != Rtnl.RtnUnicast || (flags & Rtnl.RtmFCloned) != 0)
        {
            return null;
        }

        var attrs = NetlinkAttributes.Parse(message.Payload[12..]);
        var family = span[0] == Rtnl.AfInet6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        var destination = attrs.Address(Rtnl.RtaDst) ?? (family == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any);
        return new RouteEntry(
            new IPNetwork(destination, span[1]),
            attrs.Address(Rtnl.RtaGateway),
            attrs.U32(Rtnl.RtaOif) is { } oif ? (int)oif : null,
            (int)(attrs.U32(Rtnl.RtaTable) ?? span[4]),
            (RouteScope)span[6],
            attrs.Address(Rtnl.RtaPrefsrc));
    }

    private static NetlinkMessageWriter Build(ushort type, ushort flags, RouteEntry route, bool delete)
    {
        var family = route.Destination.BaseAddress.AddressFamily;
        if (route.Gateway is { } gw && gw.AddressFamily != family)
        {
            throw new ArgumentException($"Route {route}: the gateway family differs from the destination family.", nameof(route));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(route.Table, 1, nameof(route));
        Span<byte> header = stackalloc byte[12];
        header[0] = AddressCodec.Family(family);
        header[1] = (byte)route.Destination.PrefixLength;
        header[4] = route.Table < 256 ? (byte)route.Table : (byte)0;
        header[5] = delete ? (byte)0 : Rtnl.RtprotBoot;
        header[6] = delete ? (byte)RouteScope.Nowhere : (byte)route.Scope;
        header[7] = delete ? (byte)0 : Rtnl.RtnUnicast;
        var w = new NetlinkMessageWriter(type, flags).Bytes(header).AttrU32(Rtnl.RtaTable, checked((uint)route.Table));
        if (route.Destination.PrefixLength > 0)
        {
            w.AttrAddress(Rtnl.RtaDst, route.Destination.BaseAddress);
        }

        if (route.Gateway is not null)
        {
            w.AttrAddress(Rtnl.RtaGateway, route.Gateway);
        }

        if (route.LinkIndex is { } index)
        {
            w.AttrU32(Rtnl.RtaOif, checked((uint)index));
        }

        if (route.PreferredSource is not null)
        {
            w.AttrAddress(Rtnl.RtaPrefsrc, route.PreferredSource);
        }

        return w;
    }
}
