namespace VpcCni.Engine.Capacity;

/// <summary>
/// Inputs of a warm-pool recommendation: the instance (by type or explicit limits, as for
/// <see cref="MaxPodsRequest"/>), the steady pod count per node and the pods that may arrive in one burst.
/// </summary>
public sealed record WarmPoolRequest
{
    /// <summary>The instance and CNI mode; its <c>ShowMaxAllowed</c> is ignored (the capped figure is what kubelet enforces).</summary>
    public required MaxPodsRequest Instance { get; init; }

    /// <summary>Pods a node runs in normal operation.</summary>
    public required int PodsPerNode { get; init; }

    /// <summary>Pods that may be scheduled onto one node at once during scale-up.</summary>
    public required int ScaleUpPods { get; init; }
}
