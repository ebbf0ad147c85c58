namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>
    /// Asking a node's IPAM socket for a pod address and giving it back, as the CNI plugin does on ADD
    /// and DEL (<c>PodAddresses/PodAddressClient</c>). An empty pool is <see cref="Ipam.NoAvailableAddress"/>;
    /// an error the service reports keeps the service's own id.
    /// </summary>
    public static class PodAddress
    {
        /// <summary>Nothing answers on the IPAM socket (no such socket, connection refused).</summary>
        public const string IpamUnreachable = "PodAddress.IpamUnreachable";

        /// <summary>The call failed in gRPC without an id from the service (deadline, protocol error).</summary>
        public const string CallFailed = "PodAddress.CallFailed";

        /// <summary>One container id was given for several pods; each pod needs its own.</summary>
        public const string SharedContainerId = "PodAddress.SharedContainerId";
    }
}
