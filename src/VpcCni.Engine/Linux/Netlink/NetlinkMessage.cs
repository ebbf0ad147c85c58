using System.Buffers.Binary;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>One decoded netlink message: header fields and the payload after the 16-byte header.</summary>
internal readonly record struct NetlinkMessage(ushort Type, ushort Flags, uint Sequence, ReadOnlyMemory<byte> Payload)
{
    /// <summary>Splits a datagram into messages (NLMSG_NEXT walking, netlink(3)).</summary>
    public static List<NetlinkMessage> Split(ReadOnlyMemory<byte> datagram)
    {
        var messages = new List<NetlinkMessage>();
        var offset = 0;
        var span = datagram.Span;
        while (offset + Rtnl.HeaderLength <= span.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[offset..]);
            if (length < Rtnl.HeaderLength || offset + length > span.Length)
            {
                throw new NetlinkException(0, $"Malformed netlink message: length {length} at offset {offset} of a {span.Length}-byte datagram.");
            }

            messages.Add(new NetlinkMessage(
                BinaryPrimitives.ReadUInt16LittleEndian(span[(offset + 4)..]),
                BinaryPrimitives.ReadUInt16LittleEndian(span[(offset + 6)..]),
                BinaryPrimitives.ReadUInt32LittleEndian(span[(offset + 8)..]),
                datagram.Slice(offset + Rtnl.HeaderLength, length - Rtnl.HeaderLength)));
            offset += Rtnl.Align(length);
        }

        return messages;
    }
}
