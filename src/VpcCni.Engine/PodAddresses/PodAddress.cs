using System.Net;

namespace VpcCni.Engine.PodAddresses;

/// <summary>
/// An address a node's IPAM socket handed to a pod (AddNetwork), with the key the node keeps it under
/// (network name, container id, interface) and the socket to give it back through (DelNetwork).
/// </summary>
public sealed record PodAddress
{
    public required string PodNamespace { get; init; }

    public required string PodName { get; init; }

    /// <summary>The sandbox's container id (<c>CNI_CONTAINERID</c>), the key's second part.</summary>
    public required string ContainerId { get; init; }

    /// <summary>The pod-side interface (<c>CNI_IFNAME</c>).</summary>
    public required string IfName { get; init; }

    /// <summary>The CNI network name, the key's first part (<c>aws-cni</c>, as upstream's conflist names it).</summary>
    public required string NetworkName { get; init; }

    /// <summary>The address, or null when DelNetwork found nothing to release.</summary>
    public IPAddress? Address { get; init; }

    /// <summary>The ENI's device number the host routes the address through.</summary>
    public int DeviceNumber { get; init; }

    /// <summary>The host route table of that ENI.</summary>
    public int RouteTableId { get; init; }

    /// <summary>The IPAM socket that answered.</summary>
    public required string IpamSocket { get; init; }
}
