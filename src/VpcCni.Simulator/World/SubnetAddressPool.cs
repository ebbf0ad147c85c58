using System.Net;
using System.Net.Sockets;
using VpcCni.Engine.Networking;

namespace VpcCni.Simulator.World;

/// <summary>
/// IPv4 address accounting of one subnet. EC2 reserves the network address, .1 (router), .2 (DNS),
/// .3 (future use) and the broadcast address of every subnet (VPC user guide, "Subnet CIDR blocks"),
/// so <c>AvailableIpAddressCount = size − 5 − used</c>. A /28 prefix needs 16 aligned addresses that
/// are all free; the first and last /28 therefore never qualify (EC2 User Guide, "Assign prefixes to network interfaces").
/// </summary>
internal sealed class SubnetAddressPool
{
    private const int PrefixBlock = 16;
    private readonly bool[] _used;

    public SubnetAddressPool(IPNetwork cidr)
    {
        if (cidr.BaseAddress.AddressFamily != AddressFamily.InterNetwork || cidr.PrefixLength is < 16 or > 28)
        {
            throw new ArgumentException($"Subnet CIDR '{cidr}' must be IPv4 with a prefix length between /16 and /28.", nameof(cidr));
        }

        Cidr = cidr;
        _used = new bool[1 << (32 - cidr.PrefixLength)];
        foreach (var reserved in new[] { 0, 1, 2, 3, _used.Length - 1 })
        {
            _used[reserved] = true;
        }

        UsedCount = 5;
    }

    public IPNetwork Cidr { get; }

    public int Size => _used.Length;

    public int UsedCount { get; private set; }

    public int Available => Size - UsedCount;

    public bool Contains(IPAddress address) => Cidr.Contains(address);

    public bool IsUsed(IPAddress address) => Contains(address) && _used[Offset(address)];

    /// <summary>One of the five addresses EC2 keeps in every subnet (never assignable to an interface).</summary>
    public bool IsReserved(IPAddress address)
    {
        if (!Contains(address))
        {
            return false;
        }

        var offset = Offset(address);
        return offset is 0 or 1 or 2 or 3 || offset == _used.Length - 1;
    }

    /// <summary>Takes the lowest free address, or returns null when the subnet is full.</summary>
    public IPAddress? AllocateLowest()
    {
        for (var i = 0; i < _used.Length; i++)
        {
            if (!_used[i])
            {
                Mark(i, 1, true);
                return FromOffset(i);
            }
        }

        return null;
    }

    /// <summary>Takes a given address; false when it is outside the subnet, reserved or in use.</summary>
    public bool TryAllocate(IPAddress address)
    {
        if (!Contains(address) || _used[Offset(address)])
        {
            return false;
        }

        Mark(Offset(address), 1, true);
        return true;
    }

    public void Release(IPAddress address)
    {
        if (Contains(address) && _used[Offset(address)])
        {
            Mark(Offset(address), 1, false);
        }
    }

    /// <summary>Number of aligned, entirely free /28 blocks.</summary>
    public int FreePrefixBlocks()
    {
        var count = 0;
        for (var i = 0; i + PrefixBlock <= _used.Length; i += PrefixBlock)
        {
            if (IsFreeBlock(i))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Takes the lowest aligned free /28, or null when fragmentation or exhaustion leaves none.</summary>
    public IPNetwork? AllocatePrefix()
    {
        for (var i = 0; i + PrefixBlock <= _used.Length; i += PrefixBlock)
        {
            if (IsFreeBlock(i))
            {
                Mark(i, PrefixBlock, true);
                return new IPNetwork(FromOffset(i), 28);
            }
        }

        return null;
    }

    /// <summary>Takes a given /28; false when it is not an aligned, wholly free block of this subnet.</summary>
    public bool TryAllocatePrefix(IPNetwork prefix)
    {
        if (prefix.PrefixLength != 28 || !Contains(prefix.BaseAddress))
        {
            return false;
        }

        var offset = Offset(prefix.BaseAddress);
        if (offset % PrefixBlock != 0 || !IsFreeBlock(offset))
        {
            return false;
        }

        Mark(offset, PrefixBlock, true);
        return true;
    }

    public void ReleasePrefix(IPNetwork prefix)
    {
        if (Contains(prefix.BaseAddress))
        {
            Mark(Offset(prefix.BaseAddress), PrefixBlock, false);
        }
    }

    private bool IsFreeBlock(int offset)
    {
        for (var j = offset; j < offset + PrefixBlock; j++)
        {
            if (_used[j])
            {
                return false;
            }
        }

        return true;
    }

    private void Mark(int offset, int count, bool used)
    {
        for (var j = offset; j < offset + count; j++)
        {
            if (_used[j] != used)
            {
                _used[j] = used;
                UsedCount += used ? 1 : -1;
            }
        }
    }

    private int Offset(IPAddress address) => AddressMath.OffsetOf(Cidr, address);

    private IPAddress FromOffset(int offset) => AddressMath.Nth(Cidr, offset);
}
