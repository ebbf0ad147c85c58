using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace VpcCni.Engine.Networking;

/// <summary>
/// The one IPv4 ↔ integer arithmetic of the code base: engine, simulator and tests use it, and
/// nothing else converts addresses to integers. It is the part System.Net does not provide: the
/// n-th address of an IPv4 network and the offset of an address inside it. Checked, so a wrong
/// offset throws instead of wrapping into a neighbouring network.
/// </summary>
public static class AddressMath
{
    public static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (address.AddressFamily != AddressFamily.InterNetwork || !address.TryWriteBytes(bytes, out _))
        {
            throw new ArgumentException($"'{address}' is not an IPv4 address.", nameof(address));
        }

        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    public static IPAddress FromUInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    /// <summary>Number of addresses in an IPv4 network (/32 → 1, /28 → 16).</summary>
    public static int Size(IPNetwork network) => checked(1 << (32 - network.PrefixLength));

    /// <summary>The address at <paramref name="offset"/> from the network address.</summary>
    public static IPAddress Nth(IPNetwork network, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(offset, Size(network));
        return FromUInt32(checked(ToUInt32(network.BaseAddress) + (uint)offset));
    }

    /// <summary>Offset of <paramref name="address"/> from the network address; the caller checks containment.</summary>
    public static int OffsetOf(IPNetwork network, IPAddress address) =>
        checked((int)(ToUInt32(address) - ToUInt32(network.BaseAddress)));
}
