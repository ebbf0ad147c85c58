using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>
/// Encodes one netlink request: the 16-byte <c>nlmsghdr</c>, a fixed family header and
/// 4-byte aligned <c>rtattr</c>s, with nesting for <c>IFLA_LINKINFO</c> and the veth peer (netlink(7), rtnetlink(7)).
/// </summary>
internal sealed class NetlinkMessageWriter
{
    private readonly Stack<int> _nests = new();
    private byte[] _buffer = new byte[256];
    private int _length;

    public NetlinkMessageWriter(ushort type, ushort flags)
    {
        _length = Rtnl.HeaderLength;
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(4), type);
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(6), flags);
    }

    public int Length => _length;

    /// <summary>Writes raw bytes (a family header) padded to 4 bytes.</summary>
    public NetlinkMessageWriter Bytes(ReadOnlySpan<byte> value)
    {
        var span = Reserve(Rtnl.Align(value.Length));
        value.CopyTo(span);
        return this;
    }

    /// <summary><c>struct ifinfomsg</c>: family, type, index, flags, change.</summary>
    public NetlinkMessageWriter IfInfo(int index, uint flags = 0, uint change = 0, byte family = Rtnl.AfUnspec)
    {
        var span = Reserve(16);
        span[0] = family;
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], index);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], change);
        return this;
    }

    public NetlinkMessageWriter Attr(ushort type, ReadOnlySpan<byte> value)
    {
        var total = 4 + value.Length;
        var span = Reserve(Rtnl.Align(total));
        BinaryPrimitives.WriteUInt16LittleEndian(span, checked((ushort)total));
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], type);
        value.CopyTo(span[4..]);
        return this;
    }

    public NetlinkMessageWriter AttrU32(ushort type, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return Attr(type, bytes);
    }

    public NetlinkMessageWriter AttrU16(ushort type, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return Attr(type, bytes);
    }

    /// <summary>A NUL-terminated string attribute (IFLA_IFNAME, IFLA_INFO_KIND, FRA_IIFNAME).</summary>
    public NetlinkMessageWriter AttrString(ushort type, string value)
    {
        var bytes = new byte[Encoding.ASCII.GetByteCount(value) + 1];
        Encoding.ASCII.GetBytes(value, bytes);
        return Attr(type, bytes);
    }

    public NetlinkMessageWriter AttrAddress(ushort type, IPAddress address) => Attr(type, address.GetAddressBytes());

    /// <summary>Opens a nested attribute; its length is patched by <see cref="EndNest"/>.</summary>
    public NetlinkMessageWriter BeginNest(ushort type)
    {
        _nests.Push(_length);
        var span = Reserve(4);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], type);
        return this;
    }

    public NetlinkMessageWriter EndNest()
    {
        var start = _nests.Pop();
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(start), checked((ushort)(_length - start)));
        return this;
    }

    /// <summary>Finishes the message with its sequence number; the kernel fills in our port id.</summary>
    public byte[] Finish(uint sequence)
    {
        if (_nests.Count != 0)
        {
            throw new InvalidOperationException("A nested netlink attribute was left open.");
        }

        BinaryPrimitives.WriteUInt32LittleEndian(_buffer, checked((uint)_length));
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(8), sequence);
        return _buffer.AsSpan(0, _length).ToArray();
    }

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        var span = _buffer.AsSpan(_length, count);
        span.Clear();
        _length += count;
        return span;
    }
}
