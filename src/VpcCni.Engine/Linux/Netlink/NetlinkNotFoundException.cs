using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>The object to change or delete does not exist (ENOENT, ENODEV, ESRCH, EADDRNOTAVAIL).</summary>
public sealed class NetlinkNotFoundException : NetlinkException
{
    public NetlinkNotFoundException()
        : this(0, "The object to change or delete does not exist (ENOENT, ENODEV, ESRCH, EADDRNOTAVAIL).")
    {
    }

    public NetlinkNotFoundException(string message)
        : this(0, message)
    {
    }

    public NetlinkNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NetlinkNotFoundException(int errno, string message)
        : base(VpcCniErrorCategory.NotFound, ErrorIds.Netlink.NotFound, errno, message)
    {
    }
}
