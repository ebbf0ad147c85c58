using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>The object to create already exists (EEXIST).</summary>
public sealed class NetlinkAlreadyExistsException : NetlinkException
{
    public NetlinkAlreadyExistsException()
        : this(0, "The object to create already exists (EEXIST).")
    {
    }

    public NetlinkAlreadyExistsException(string message)
        : this(0, message)
    {
    }

    public NetlinkAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NetlinkAlreadyExistsException(int errno, string message)
        : base(VpcCniErrorCategory.AlreadyExists, ErrorIds.Netlink.AlreadyExists, errno, message)
    {
    }
}
