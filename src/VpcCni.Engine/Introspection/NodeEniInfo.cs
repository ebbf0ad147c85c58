using VpcCni.Engine.Ipam;
using VpcCni.Engine.Networking;

namespace VpcCni.Engine.Introspection;

/// <summary>
/// One ENI of a running node as its introspection (<c>/v1/enis</c>) shows it: the datastore's facts
/// about the ENI and what it holds, counted in both modes.
/// </summary>
public sealed record NodeEniInfo
{
    /// <summary>The network card the ENI is attached to.</summary>
    public int NetworkCard { get; init; }

    /// <summary>The ENI as the node's datastore tracks it.</summary>
    public required EniDescriptor Descriptor { get; init; }

    public string EniId => Descriptor.Id;

    public int DeviceNumber => Descriptor.DeviceNumber;

    public string SubnetId => Descriptor.SubnetId;

    /// <summary>/32 secondary IPs on the ENI.</summary>
    public int IpCount { get; init; }

    /// <summary>/28 prefixes on the ENI.</summary>
    public int PrefixCount { get; init; }

    /// <summary>Addresses held by pods, in either kind of CIDR.</summary>
    public int AssignedCount { get; init; }

    /// <summary>Every address of the ENI's CIDRs (a /28 gives 16), with its pod when one holds it; null unless asked for.</summary>
    public IReadOnlyList<AddressSnapshot>? Addresses { get; init; }

    /// <summary>The rows of one card's snapshot.</summary>
    public static IEnumerable<NodeEniInfo> From(DatastoreSnapshot snapshot, bool includeAddresses)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Enis.Select(eni => new NodeEniInfo
        {
            NetworkCard = snapshot.NetworkCard,
            Descriptor = eni.Descriptor,
            IpCount = eni.Cidrs.Count(c => !c.IsPrefix),
            PrefixCount = eni.Cidrs.Count(c => c.IsPrefix),
            AssignedCount = eni.AssignedCount,
            Addresses = includeAddresses ? eni.Cidrs.SelectMany(EveryAddress).ToArray() : null,
        });
    }

    /// <summary>
    /// The datastore lists only addresses it has handed out (upstream's <c>CidrInfo.IPAddresses</c> too);
    /// the others of the CIDR are free and never used, so they appear with an empty key.
    /// </summary>
    private static IEnumerable<AddressSnapshot> EveryAddress(CidrSnapshot cidr)
    {
        var tracked = cidr.Addresses.ToDictionary(a => a.Address);
        for (var i = 0; i < cidr.Size; i++)
        {
            var address = AddressMath.Nth(cidr.Network, i);
            yield return tracked.GetValueOrDefault(address) ?? new AddressSnapshot(address, default, IpamMetadata.None, null, null, false);
        }
    }
}
