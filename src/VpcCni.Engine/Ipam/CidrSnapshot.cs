using System.Net;
using VpcCni.Engine.Networking;

namespace VpcCni.Engine.Ipam;

/// <summary>
/// A /32 secondary IP or /28 prefix of an ENI with the addresses the datastore tracks in it
/// (assigned ones and released ones it still remembers).
/// </summary>
public sealed record CidrSnapshot(IPNetwork Network, IReadOnlyList<AddressSnapshot> Addresses)
{
    /// <summary>A delegated /28 prefix rather than a /32 secondary IP.</summary>
    public bool IsPrefix => Network.PrefixLength < 32;

    /// <summary>Number of addresses in the CIDR: 1 for a /32, 16 for a /28.</summary>
    public int Size => AddressMath.Size(Network);

    public int AssignedCount => Addresses.Count(a => a.IsAssigned);

    public int CoolingCount => Addresses.Count(a => a.IsCooling);

    /// <summary>Neither assigned nor cooling: safe to give back to EC2.</summary>
    public bool IsFree => AssignedCount == 0 && CoolingCount == 0;
}
