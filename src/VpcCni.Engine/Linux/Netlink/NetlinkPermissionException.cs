using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>The caller lacks CAP_NET_ADMIN in the namespace (EPERM, EACCES).</summary>
public sealed class NetlinkPermissionException : NetlinkException
{
    public NetlinkPermissionException()
        : this(0, "The caller lacks CAP_NET_ADMIN in the namespace (EPERM, EACCES).")
    {
    }

    public NetlinkPermissionException(string message)
        : this(0, message)
    {
    }

    public NetlinkPermissionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NetlinkPermissionException(int errno, string message)
        : base(VpcCniErrorCategory.PermissionDenied, ErrorIds.Netlink.PermissionDenied, errno, message)
    {
    }
}
