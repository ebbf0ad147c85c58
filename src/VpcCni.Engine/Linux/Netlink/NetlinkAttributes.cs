using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using System.Text;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>
/// The <c>rtattr</c>s of one message (or of one nested attribute) by type; the last occurrence wins.
/// The NLA_F_NESTED and NLA_F_NET_BYTEORDER bits are masked off the type.
/// </summary>
internal sealed class NetlinkAttributes
{
    private readonly Dictionary<ushort, ReadOnlyMemory<byte>> _values = [];

    private NetlinkAttributes()
    {
    }

    public static NetlinkAttributes Parse(ReadOnlyMemory<byte> data)
    {
        var result = new NetlinkAttributes();
        var span = data.Span;
        var offset = 0;
        while (offset + 4 <= span.Length)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(span[offset..]);
            var type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(span[(offset + 2)..]) & 0x3FFF);
            if (length < 4 || offset + length > span.Length)
            {
                break;
            }

            result._values[type] = data.Slice(offset + 4, length - 4);
            offset += Rtnl.Align(length);
        }

        return result;
    }

    public bool Has(ushort type) => _values.ContainsKey(type);

    public ReadOnlyMemory<byte>? Raw(ushort type) => _values.TryGetValue(type, out var v) ? v : null;

    public NetlinkAttributes? Nested(ushort type) => _values.TryGetValue(type, out var v) ? Parse(v) : null;

    public uint? U32(ushort type) => _values.TryGetValue(type, out var v) && v.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(v.Span) : null;

    public ushort? U16(ushort type) => _values.TryGetValue(type, out var v) && v.Length >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(v.Span) : null;

    public string? String(ushort type) => _values.TryGetValue(type, out var v) ? Encoding.ASCII.GetString(v.Span).TrimEnd('\0') : null;

    public IPAddress? Address(ushort type) => _values.TryGetValue(type, out var v) && v.Length is 4 or 16 ? new IPAddress(v.Span) : null;

    public PhysicalAddress? Mac(ushort type) => _values.TryGetValue(type, out var v) && v.Length > 0 ? new PhysicalAddress(v.ToArray()) : null;
}
