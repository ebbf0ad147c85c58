using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Ipam;

/// <summary>
/// Temporary forwarder for test code not yet moved to <see cref="ErrorIds.Ipam"/>; the ids live only
/// in the catalogue. Remove once nothing references it.
/// </summary>
public static class IpamErrorIds
{
    public const string NoAvailableAddress = ErrorIds.Ipam.NoAvailableAddress;
}
