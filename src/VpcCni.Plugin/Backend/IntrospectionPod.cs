namespace VpcCni.Plugin.Backend;

/// <summary>One entry of the service's <c>/v1/pods</c> view (docs/service.md, "Introspection"): the key of one allocation.</summary>
public sealed record IntrospectionPod
{
    public string PodNamespace { get; init; } = string.Empty;

    public string PodName { get; init; } = string.Empty;

    public string NetworkName { get; init; } = string.Empty;

    public string ContainerID { get; init; } = string.Empty;

    public string IfName { get; init; } = string.Empty;

    public string IPv4Addr { get; init; } = string.Empty;

    public int RouteTableID { get; init; }
}
