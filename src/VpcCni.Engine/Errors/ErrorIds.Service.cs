namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Ids raised by the node service (<c>vpc-cni-node</c>) at its gRPC edge and while it starts.</summary>
    public static class Service
    {
        /// <summary>A request lacks a field the call cannot work without (container id, interface, network name).</summary>
        public const string MissingRequestField = "Service.MissingRequestField";

        /// <summary>Another process is already listening on the IPAM socket path.</summary>
        public const string SocketInUse = "Service.SocketInUse";

        /// <summary>The IPAM socket path is taken by a directory, which is never removed.</summary>
        public const string SocketPathIsDirectory = "Service.SocketPathIsDirectory";
    }
}
