using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Ipam;

/// <summary>
/// No address is assigned to the given key. A distinct type because CNI DEL must succeed when the
/// address is already gone (CNI spec, "DEL": teardown is idempotent), so the
/// handler catches exactly this.
/// </summary>
public sealed class UnknownPodException : VpcCniException
{
    public UnknownPodException()
        : this(default(IpamKey))
    {
    }

    public UnknownPodException(string message)
        : base(VpcCniErrorCategory.NotFound, ErrorIds.Ipam.UnknownPod, message)
    {
    }

    public UnknownPodException(string message, Exception innerException)
        : base(VpcCniErrorCategory.NotFound, ErrorIds.Ipam.UnknownPod, message, innerException)
    {
    }

    public UnknownPodException(IpamKey key)
        : base(VpcCniErrorCategory.NotFound, ErrorIds.Ipam.UnknownPod, $"No address is assigned to '{key}'.")
    {
        Key = key;
    }

    /// <summary>The key that was not found.</summary>
    public IpamKey Key { get; }
}
