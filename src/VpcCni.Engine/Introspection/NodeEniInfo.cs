using VpcCni.Engine.Ipam;

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

    /// <summary>The addresses the datastore tracks on the ENI; null unless asked for.</summary>
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
            Addresses = includeAddresses ? eni.Cidrs.SelectMany(c => c.Addresses).ToArray() : null,
        });
    }
}
