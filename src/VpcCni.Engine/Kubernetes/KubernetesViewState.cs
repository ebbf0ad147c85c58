namespace VpcCni.Engine.Kubernetes;

/// <summary>How a view stands with the API server.</summary>
/// <param name="Synced">A first list has completed, so the view has a state to answer from.</param>
/// <param name="Reachable">The last request (list, watch, or the open watch stream) succeeded.</param>
/// <param name="UnreachableSince">When the current outage began; null while reachable.</param>
/// <param name="LastError">What the last failed request reported; null while reachable.</param>
/// <param name="ResourceVersion">The resource version the view's state is at (watches resume from it); empty before the first list.</param>
public sealed record KubernetesViewState(bool Synced, bool Reachable, DateTimeOffset? UnreachableSince, string? LastError, string ResourceVersion)
{
    /// <summary>Before the first request.</summary>
    public static KubernetesViewState Initial { get; } = new(false, false, null, null, string.Empty);
}
