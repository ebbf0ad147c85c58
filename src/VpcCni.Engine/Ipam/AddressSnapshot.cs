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

    /// <summary>The same address with <see cref="IsCooling"/> evaluated at <paramref name="now"/>.</summary>
    internal AddressSnapshot At(DateTimeOffset now, TimeSpan cooldown)
    {
        var cooling = !IsAssigned && UnassignedAt is { } released && now - released < cooldown;
        return cooling == IsCooling ? this : this with { IsCooling = cooling };
    }
}
