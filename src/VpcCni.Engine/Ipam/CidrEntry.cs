using System.Net;
using VpcCni.Engine.Networking;

namespace VpcCni.Engine.Ipam;

/// <summary>
/// A /32 secondary IP or a /28 prefix attached to an ENI, with a slot per address. Slots are null
/// until an address is first handed out, as upstream creates its address entries lazily.
/// </summary>
internal sealed class CidrEntry
{
    private readonly AddressEntry?[] _slots;

    public CidrEntry(IPNetwork network)
    {
        Network = network;
        _slots = new AddressEntry?[AddressMath.Size(network)];
    }

    public IPNetwork Network { get; }

    /// <summary>A /28 delegated prefix rather than a single secondary IP.</summary>
    public bool IsPrefix => Network.PrefixLength < 32;

    public int Size => _slots.Length;

    public IEnumerable<AddressEntry> Tracked => _slots.Where(s => s is not null)!;

    public int AssignedCount => _slots.Count(s => s is { IsAssigned: true });

    public int CoolingCount(DateTimeOffset now, TimeSpan cooldown) =>
        _slots.Count(s => s is not null && s.IsCooling(now, cooldown));

    public AddressEntry? Get(IPAddress address) => _slots[AddressMath.OffsetOf(Network, address)];

    /// <summary>
    /// The lowest usable slot: untracked, or free and out of cooldown (upstream <c>data_store.go</c> <c>getUnusedIP</c>; we take the
    /// lowest offset for determinism, so a PD prefix starts at its network address).
    /// </summary>
    public int FindFreeSlot(DateTimeOffset now, TimeSpan cooldown)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            var slot = _slots[i];
            if (slot is null || (!slot.IsAssigned && !slot.IsCooling(now, cooldown)))
            {
                return i;
            }
        }

        return -1;
    }

    public AddressEntry? Slot(int offset) => _slots[offset];

    public AddressEntry Track(int offset)
    {
        return _slots[offset] ??= new AddressEntry(AddressMath.Nth(Network, offset));
    }

    public void Untrack(int offset) => _slots[offset] = null;

    public CidrSnapshot ToSnapshot(DateTimeOffset now, TimeSpan cooldown) =>
        new(Network, Tracked.Select(a => a.ToSnapshot(now, cooldown)).ToArray());
}
