using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>
/// A kernel refusal of a netlink request, with the positive errno and the kernel's extended-ack text.
/// "Already exists" and "not found" have their own subclasses so callers can be idempotent by type.
/// </summary>
public class NetlinkException : VpcCniException
{
    public NetlinkException()
        : this(0, "A netlink request failed.")
    {
    }

    public NetlinkException(string message)
        : this(0, message)
    {
    }

    public NetlinkException(string message, Exception innerException)
        : base(VpcCniErrorCategory.Internal, ErrorIds.Netlink.Failed, message, innerException)
    {
    }

    public NetlinkException(int errno, string message)
        : this(VpcCniErrorCategory.Internal, ErrorIds.Netlink.Failed, errno, message)
    {
    }

    protected NetlinkException(VpcCniErrorCategory category, string errorId, int errno, string message)
        : base(category, errorId, message)
    {
        Errno = errno;
    }

    /// <summary>The positive errno the kernel returned (0 when the failure is ours, e.g. a malformed reply).</summary>
    public int Errno { get; }

    /// <summary>Maps an errno to the typed exception: EEXIST; ENOENT/ENODEV/ESRCH/EADDRNOTAVAIL; EOPNOTSUPP.</summary>
    public static NetlinkException FromErrno(int errno, string operation, string? kernelMessage)
    {
        var text = $"{operation} failed: {ErrnoName(errno)} (errno {errno}){(string.IsNullOrEmpty(kernelMessage) ? string.Empty : ": " + kernelMessage)}.";
        return errno switch
        {
            17 => new NetlinkAlreadyExistsException(errno, text),
            2 or 3 or 19 or 99 => new NetlinkNotFoundException(errno, text),
            95 => new NetlinkNotSupportedException(errno, text),
            1 or 13 => new NetlinkPermissionException(errno, text),
            _ => new NetlinkException(errno, text),
        };
    }

    private static string ErrnoName(int errno) => errno switch
    {
        1 => "EPERM",
        2 => "ENOENT",
        3 => "ESRCH",
        13 => "EACCES",
        16 => "EBUSY",
        17 => "EEXIST",
        19 => "ENODEV",
        22 => "EINVAL",
        95 => "EOPNOTSUPP",
        99 => "EADDRNOTAVAIL",
        101 => "ENETUNREACH",
        _ => "error",
    };
}
