using System.Net;
using VpcCni.Engine.Networking;

namespace VpcCni.Engine.Ipam;

/// <summary>The datastore's mutable record of one ENI and its CIDRs, kept in address order.</summary>
internal sealed class EniEntry(EniDescriptor descriptor, DateTimeOffset createdAt)
{
    private readonly List<CidrEntry> _cidrs = [];

    public EniDescriptor Descriptor { get; set; } = descriptor;

    public string Id => Descriptor.Id;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public IReadOnlyList<CidrEntry> Cidrs => _cidrs;

    public CidrEntry? FindCidr(IPNetwork network) => _cidrs.Find(c => c.Network.Equals(network));

    public CidrEntry? FindContaining(IPAddress address) => _cidrs.Find(c => c.Network.Contains(address));

    public void AddCidr(CidrEntry cidr)
    {
        var key = AddressMath.ToUInt32(cidr.Network.BaseAddress);
        var index = _cidrs.FindIndex(c => AddressMath.ToUInt32(c.Network.BaseAddress) > key);
        _cidrs.Insert(index < 0 ? _cidrs.Count : index, cidr);
    }

    public void RemoveCidr(CidrEntry cidr) => _cidrs.Remove(cidr);

    public EniSnapshot ToSnapshot(DateTimeOffset now, TimeSpan cooldown) => new()
    {
        Descriptor = Descriptor,
        CreatedAt = CreatedAt,
        Cidrs = _cidrs.Select(c => c.ToSnapshot(now, cooldown)).ToArray(),
    };
}
