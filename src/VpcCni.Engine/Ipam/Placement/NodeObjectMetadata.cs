namespace VpcCni.Engine.Ipam.Placement;

/// <summary>The labels and annotations of the node's Kubernetes Node object, which name its ENIConfig.</summary>
/// <param name="Labels">The Node's <c>metadata.labels</c>.</param>
/// <param name="Annotations">The Node's <c>metadata.annotations</c>.</param>
public sealed record NodeObjectMetadata(IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary>A node without labels or annotations.</summary>
    public static NodeObjectMetadata Empty { get; } = new(
        new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));
}
