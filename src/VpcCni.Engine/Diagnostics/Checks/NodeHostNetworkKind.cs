namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>Whether the node's host network is the kernel's or recorded only (the service's <c>HostNetwork:Simulated</c>, as <c>--simulate</c> sets).</summary>
public enum NodeHostNetworkKind
{
    /// <summary>Decide from the namespace: a node whose primary ENI (its MAC from instance metadata) has no link there is simulated.</summary>
    Auto,

    Real,

    Simulated,
}
