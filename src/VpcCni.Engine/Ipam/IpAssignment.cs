using System.Net;

namespace VpcCni.Engine.Ipam;

/// <summary>The address given to a pod and the ENI it lives on (for routing on the host).</summary>
public sealed record IpAssignment(
    IPAddress Address,
    string EniId,
    int DeviceNumber,
    int RouteTableId,
    bool WasAlreadyAssigned);
