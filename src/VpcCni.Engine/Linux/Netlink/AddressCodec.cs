using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using VpcCni.Engine.Networking;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>RTM_*ADDR encoding and decoding (<c>struct ifaddrmsg</c> + IFA_* attributes).</summary>
internal static class AddressCodec
{
    public static NetlinkMessageWriter Dump(AddressFamily? family)
    {
        Span<byte> header = stackalloc byte[8];
        header[0] = family is null ? Rtnl.AfUnspec : Family(family.Value);
        return new NetlinkMessageWriter(Rtnl.GetAddr, Rtnl.FRequest | Rtnl.FDump).Bytes(header);
    }

    /// <summary>
    /// <c>ip addr add</c>: IFA_LOCAL and IFA_ADDRESS both carry the address; IPv4 prefixes shorter than /31
    /// also get the directed broadcast, as iproute2 and vishvananda/netlink do.
    /// </summary>
    public static NetlinkMessageWriter Add(int linkIndex, IPAddress address, int prefixLength, RouteScope scope) =>
        Build(Rtnl.NewAddr, Rtnl.FRequest | Rtnl.FAck | Rtnl.FCreate | Rtnl.FExcl, linkIndex, address, prefixLength, scope, broadcast: true);

    public static NetlinkMessageWriter Delete(int linkIndex, IPAddress address, int prefixLength) =>
        Build(Rtnl.DelAddr, Rtnl.FRequest | Rtnl.FAck, linkIndex, address, prefixLength, RouteScope.Universe, broadcast: false);

    public static AddressEntry? Decode(NetlinkMessage message)
    {
        if (message.Type != Rtnl.NewAddr || message.Payload.Length < 8)
        {
            return null;
        }

        var span = message.Payload.Span;
        var attrs = NetlinkAttributes.Parse(message.Payload[8..]);
        var address = attrs.Address(Rtnl.IfaLocal) ?? attrs.Address(Rtnl.IfaAddress);
        return address is null
            ? null
            : new AddressEntry((int)BinaryPrimitives.ReadUInt32LittleEndian(span[4..]), address, span[1], (RouteScope)span[3]);
    }

    internal static byte Family(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => Rtnl.AfInet,
        AddressFamily.InterNetworkV6 => Rtnl.AfInet6,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Only InterNetwork (IPv4) and InterNetworkV6 (IPv6) are accepted."),
    };

    private static NetlinkMessageWriter Build(ushort type, ushort flags, int linkIndex, IPAddress address, int prefixLength, RouteScope scope, bool broadcast)
    {
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, bits);
        Span<byte> header = stackalloc byte[8];
        header[0] = Family(address.AddressFamily);
        header[1] = (byte)prefixLength;
        header[3] = (byte)scope;
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], checked((uint)linkIndex));
        var w = new NetlinkMessageWriter(type, flags).Bytes(header).AttrAddress(Rtnl.IfaLocal, address).AttrAddress(Rtnl.IfaAddress, address);
        if (broadcast && bits == 32 && prefixLength < 31)
        {
            var host = prefixLength == 0 ? uint.MaxValue : (1u << (32 - prefixLength)) - 1;
            w.AttrAddress(Rtnl.IfaBroadcast, AddressMath.FromUInt32(AddressMath.ToUInt32(address) | host));
        }

        return w;
    }
}
