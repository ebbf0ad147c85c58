namespace VpcCni.Engine.Ipam;

/// <summary>
/// Stable <see cref="Errors.VpcCniException.ErrorId"/> values raised by the IPAM datastore and
/// checkpoint. Scripts and tests match on these; never rename one.
/// </summary>
public static class IpamErrorIds
{
    public const string UnknownPod = "UnknownPod";
    public const string NoAvailableAddress = "NoAvailableAddress";
    public const string InvalidIpamKey = "InvalidIpamKey";
    public const string DuplicateEni = "DuplicateEni";
    public const string UnknownEni = "UnknownEni";
    public const string InvalidEni = "InvalidEni";
    public const string InvalidCidr = "InvalidCidr";
    public const string DuplicateCidr = "DuplicateCidr";
    public const string UnknownCidr = "UnknownCidr";
    public const string CidrInUse = "CidrInUse";
    public const string EniInUse = "EniInUse";
    public const string CheckpointWriteFailed = "CheckpointWriteFailed";
    public const string CheckpointReadFailed = "CheckpointReadFailed";
    public const string CheckpointVersionMismatch = "CheckpointVersionMismatch";
}
