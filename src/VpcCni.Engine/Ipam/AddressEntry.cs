using System.Net;

namespace VpcCni.Engine.Ipam;

/// <summary>One tracked address of a CIDR: assigned (non-empty key) or free, possibly cooling down.</summary>
internal sealed class AddressEntry(IPAddress address)
{
    public IPAddress Address { get; } = address;

    public IpamKey Key { get; set; }

    public IpamMetadata Metadata { get; set; } = IpamMetadata.None;

    public DateTimeOffset? AssignedAt { get; set; }

    /// <summary>
    /// <see cref="AssignedAt"/> as the checkpoint's Unix nanoseconds. Kept separately so a restored
    /// timestamp is written back exactly as read, not cut to .NET's 100 ns tick.
    /// </summary>
    public long AssignedAtUnixNanoseconds { get; set; }

    public DateTimeOffset? UnassignedAt { get; set; }

    public bool IsAssigned => !Key.IsEmpty;

    /// <summary>
    /// Cooling while less than the cooldown period has passed since release. The boundary instant is
    /// out of cooldown, so <c>IP_COOLDOWN_PERIOD=1</c> frees an address exactly 1 s after release.
    /// </summary>
    public bool IsCooling(DateTimeOffset now, TimeSpan cooldown) =>
        !IsAssigned && UnassignedAt is { } released && now - released < cooldown;

    public AddressSnapshot ToSnapshot(DateTimeOffset now, TimeSpan cooldown) =>
        new(Address, Key, Metadata, AssignedAt, UnassignedAt, IsCooling(now, cooldown));
}
