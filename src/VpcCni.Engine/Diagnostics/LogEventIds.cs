namespace VpcCni.Engine.Diagnostics;

/// <summary>
/// The one registry of logging event-id ranges. Every <c>[LoggerMessage]</c> in the code base takes
/// its id as <c>EventId = LogEventIds.&lt;Range&gt; + n</c> (named arguments, 0 ≤ n &lt; 100), so ids
/// are unique across the engine, simulator, service, plugin and module, and a journal filter on one
/// range selects one component.
/// </summary>
public static class LogEventIds
{
    /// <summary>Width of every range.</summary>
    public const int RangeSize = 100;

    // Engine: configuration and capacity.
    public const int Configuration = 1000;
    public const int Capacity = 1100;

    // Engine: IPAM.
    public const int Datastore = 1200;
    public const int Checkpoint = 1300;
    public const int PoolPlanning = 1400;
    public const int PoolExecution = 1500;

    // Engine: AWS adapters.
    public const int Ec2 = 3000;
    public const int Imds = 3100;
    public const int InstanceTypes = 3200;

    // Engine: Linux dataplane.
    public const int Dataplane = 4000;
    public const int HostNetwork = 4100;
    public const int PacketFilter = 4200;
    public const int Netlink = 4300;

    // Engine: Kubernetes adapters.
    public const int Kubernetes = 5000;

    // Faces over the engine.
    public const int Simulator = 6000;
    public const int Service = 7000;

    /// <summary>The service's cluster-facing work: branch-ENI pods, CNINode, pod annotations, Events, taints.</summary>
    public const int ServiceCluster = 7100;
    public const int Plugin = 8000;
    public const int Module = 9000;

    /// <summary>Every range by name, in ascending order; a test checks that no two overlap and that every id falls in one.</summary>
    public static IReadOnlyList<KeyValuePair<string, int>> Ranges { get; } =
    [
        new(nameof(Configuration), Configuration),
        new(nameof(Capacity), Capacity),
        new(nameof(Datastore), Datastore),
        new(nameof(Checkpoint), Checkpoint),
        new(nameof(PoolPlanning), PoolPlanning),
        new(nameof(PoolExecution), PoolExecution),
        new(nameof(Ec2), Ec2),
        new(nameof(Imds), Imds),
        new(nameof(InstanceTypes), InstanceTypes),
        new(nameof(Dataplane), Dataplane),
        new(nameof(HostNetwork), HostNetwork),
        new(nameof(PacketFilter), PacketFilter),
        new(nameof(Netlink), Netlink),
        new(nameof(Kubernetes), Kubernetes),
        new(nameof(Simulator), Simulator),
        new(nameof(Service), Service),
        new(nameof(ServiceCluster), ServiceCluster),
        new(nameof(Plugin), Plugin),
        new(nameof(Module), Module),
    ];
}
