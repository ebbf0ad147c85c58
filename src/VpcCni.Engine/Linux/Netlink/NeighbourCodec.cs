using System.Buffers.Binary;
using System.Net.Sockets;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>RTM_*NEIGH encoding and decoding (<c>struct ndmsg</c> + NDA_* attributes).</summary>
internal static class NeighbourCodec
{
    public static NetlinkMessageWriter Dump(AddressFamily family)
    {
        Span<byte> header = stackalloc byte[12];
        header[0] = AddressCodec.Family(family);
        return new NetlinkMessageWriter(Rtnl.GetNeigh, Rtnl.FRequest | Rtnl.FDump).Bytes(header);
    }

    public static NetlinkMessageWriter Add(NeighbourEntry entry, bool replace) =>
        Build(Rtnl.NewNeigh, (ushort)(Rtnl.FRequest | Rtnl.FAck | Rtnl.FCreate | (replace ? Rtnl.FReplace : Rtnl.FExcl)), entry);

    public static NetlinkMessageWriter Delete(NeighbourEntry entry) => Build(Rtnl.DelNeigh, Rtnl.FRequest | Rtnl.FAck, entry with { Mac = null });

    public static NeighbourEntry? Decode(NetlinkMessage message)
    {
        if (message.Type != Rtnl.NewNeigh || message.Payload.Length < 12)
        {
            return null;
        }

        var span = message.Payload.Span;
        var attrs = NetlinkAttributes.Parse(message.Payload[12..]);
        var address = attrs.Address(Rtnl.NdaDst);
        return address is null
            ? null
            : new NeighbourEntry(
                BinaryPrimitives.ReadInt32LittleEndian(span[4..]),
                address,
                attrs.Mac(Rtnl.NdaLladdr),
                (BinaryPrimitives.ReadUInt16LittleEndian(span[8..]) & Rtnl.NudPermanent) != 0);
    }

    private static NetlinkMessageWriter Build(ushort type, ushort flags, NeighbourEntry entry)
    {
        Span<byte> header = stackalloc byte[12];
        header[0] = AddressCodec.Family(entry.Address.AddressFamily);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], entry.LinkIndex);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], entry.IsPermanent ? Rtnl.NudPermanent : (ushort)0x02);
        var w = new NetlinkMessageWriter(type, flags).Bytes(header).AttrAddress(Rtnl.NdaDst, entry.Address);
        if (entry.Mac is not null)
        {
            w.Attr(Rtnl.NdaLladdr, entry.Mac.GetAddressBytes());
        }

        return w;
    }
}
