using System.Net;

namespace VpcCni.Engine.Introspection;

/// <summary>One pod interface's address on a running node (<c>/v1/pods</c>, docs/service.md "Introspection").</summary>
public sealed record NodePodAllocation
{
    public required string PodNamespace { get; init; }

    public required string PodName { get; init; }

    /// <summary>The CNI network name (the key's first part).</summary>
    public required string NetworkName { get; init; }

    public required string ContainerId { get; init; }

    /// <summary>The pod-side interface (<c>CNI_IFNAME</c>).</summary>
    public required string IfName { get; init; }

    public required IPAddress Address { get; init; }

    public required string EniId { get; init; }

    public int NetworkCard { get; init; }

    public int DeviceNumber { get; init; }

    public int RouteTableId { get; init; }

    /// <summary>Since when the pod holds the address; null when the node does not know (an entry restored from an old checkpoint).</summary>
    public DateTimeOffset? AssignedAt { get; init; }
}
