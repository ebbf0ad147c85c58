using System.Net;
using VpcCni.Engine.Ipam;

namespace VpcCni.Engine.Introspection;

/// <summary>A /28 prefix delegated to one of a running node's ENIs, with how much of it is used.</summary>
public sealed record NodePrefixInfo
{
    public int NetworkCard { get; init; }

    public required string EniId { get; init; }

    public required IPNetwork Prefix { get; init; }

    /// <summary>Addresses in the prefix (16 for a /28).</summary>
    public int Size { get; init; }

    /// <summary>Addresses held by pods.</summary>
    public int Used { get; init; }

    /// <summary>Released addresses still in their cooldown, as of the read.</summary>
    public int Cooling { get; init; }

    /// <summary>Addresses a pod could get now.</summary>
    public int Free => Size - Used - Cooling;

    /// <summary>The prefixes of one card's snapshot, in device and address order.</summary>
    public static IEnumerable<NodePrefixInfo> From(DatastoreSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Enis.SelectMany(eni => eni.Cidrs.Where(c => c.IsPrefix).Select(c => new NodePrefixInfo
        {
            NetworkCard = snapshot.NetworkCard,
            EniId = eni.Descriptor.Id,
            Prefix = c.Network,
            Size = c.Size,
            Used = c.AssignedCount,
            Cooling = c.CoolingCount,
        }));
    }
}
