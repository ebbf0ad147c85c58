using System.Net;

namespace VpcCni.Engine.Ipam;

/// <summary>
/// A tracked address as it was when the snapshot was taken. <see cref="IsCooling"/> is evaluated
/// at <see cref="DatastoreSnapshot.TakenAt"/>.
/// </summary>
public sealed record AddressSnapshot(
    IPAddress Address,
    IpamKey Key,
    IpamMetadata Metadata,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? UnassignedAt,
    bool IsCooling)
{
    public bool IsAssigned => !Key.IsEmpty;
}
