using System.Buffers.Binary;
using System.Net;

namespace VpcCni.Simulator.World;

/// <summary>
/// IPv6 accounting of one subnet's /64: single addresses come from the first /80 of the subnet,
/// /80 prefixes (what EC2 hands out for <c>Ipv6PrefixCount</c>) from the /80s after it.
/// </summary>
internal sealed class Ipv6Pool
{
    private readonly UInt128 _base;
    private readonly HashSet<UInt128> _addresses = [];
    private readonly HashSet<UInt128> _prefixes = [];

    public Ipv6Pool(IPNetwork cidr)
    {
        Cidr = cidr;
        _base = ToUInt128(cidr.BaseAddress);
    }

    public IPNetwork Cidr { get; }

    public IPAddress Allocate()
    {
        // Start past the low addresses that AWS keeps for itself in every subnet.
        for (UInt128 n = 0x10; ; n++)
        {
            if (_addresses.Add(_base + n))
            {
                return FromUInt128(_base + n);
            }
        }
    }

    public bool TryAllocate(IPAddress address) => Cidr.Contains(address) && _addresses.Add(ToUInt128(address));

    public void Release(IPAddress address) => _addresses.Remove(ToUInt128(address));

    public IPNetwork AllocatePrefix()
    {
        for (UInt128 k = 1; ; k++)
        {
            var start = _base + (k << 48);
            if (_prefixes.Add(start))
            {
                return new IPNetwork(FromUInt128(start), 80);
            }
        }
    }

    public void ReleasePrefix(IPNetwork prefix) => _prefixes.Remove(ToUInt128(prefix.BaseAddress));

    private static UInt128 ToUInt128(IPAddress address) => BinaryPrimitives.ReadUInt128BigEndian(address.GetAddressBytes());

    private static IPAddress FromUInt128(UInt128 value)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes);
    }
}
