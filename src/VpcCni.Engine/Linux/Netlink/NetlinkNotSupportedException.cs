using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>The running kernel lacks the feature, e.g. a link kind whose driver is not built in (EOPNOTSUPP).</summary>
public sealed class NetlinkNotSupportedException : NetlinkException
{
    public NetlinkNotSupportedException()
        : this(0, "The running kernel lacks the feature, e.g. a link kind whose driver is not built in (EOPNOTSUPP).")
    {
    }

    public NetlinkNotSupportedException(string message)
        : this(0, message)
    {
    }

    public NetlinkNotSupportedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NetlinkNotSupportedException(int errno, string message)
        : base(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.Netlink.NotSupported, errno, message)
    {
    }
}
