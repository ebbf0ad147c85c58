namespace VpcCni.Service.Introspection;

/// <summary>
/// One pod interface in <c>/v1/pods</c> (ours; upstream dropped its pod view): who holds which
/// address on which ENI, with the full CNI key.
/// </summary>
public sealed record PodView
{
    public required string PodNamespace { get; init; }

    public required string PodName { get; init; }

    public required string NetworkName { get; init; }

    public required string ContainerID { get; init; }

    public required string IfName { get; init; }

    public required string IPv4Addr { get; init; }

    public required string ENI { get; init; }

    public int NetworkCard { get; init; }

    public int DeviceNumber { get; init; }

    public int RouteTableID { get; init; }

    public DateTime AssignedTime { get; init; }
}
