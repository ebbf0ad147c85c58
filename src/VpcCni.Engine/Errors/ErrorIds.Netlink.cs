namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Error ids of the rtnetlink adapter (<c>Linux/Netlink</c>, <c>RtNetlink</c>).</summary>
    public static class Netlink
    {
        /// <summary>The kernel refused a request for a reason without its own id.</summary>
        public const string Failed = "Netlink.Failed";

        /// <summary>The object to create exists already (EEXIST).</summary>
        public const string AlreadyExists = "Netlink.AlreadyExists";

        /// <summary>The object to change or delete does not exist (ENOENT, ENODEV, ESRCH, EADDRNOTAVAIL).</summary>
        public const string NotFound = "Netlink.NotFound";

        /// <summary>The kernel lacks the feature or link driver (EOPNOTSUPP).</summary>
        public const string NotSupported = "Netlink.NotSupported";

        /// <summary>The caller lacks CAP_NET_ADMIN (EPERM, EACCES).</summary>
        public const string PermissionDenied = "Netlink.PermissionDenied";
    }
}
