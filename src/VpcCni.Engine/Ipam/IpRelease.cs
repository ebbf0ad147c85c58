using System.Net;

namespace VpcCni.Engine.Ipam;

/// <summary>What an unassignment released, so the caller can remove the pod's rules and routes.</summary>
public sealed record IpRelease(
    IPAddress Address,
    string EniId,
    int DeviceNumber,
    int RouteTableId,
    IpamMetadata Metadata)
{
    /// <summary>Interfaces the pod had (multi-NIC pods have one per card).</summary>
    public int InterfacesCount => Metadata.InterfacesCount;
}
