using System.Text.Json.Serialization;

namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>Pod metadata of a checkpoint entry (upstream <c>IPAMMetadata</c>, every field omitempty).</summary>
public sealed record CheckpointMetadata
{
    /// <summary>No metadata: what pre-v1.11 entries and <c>"metadata": null</c> read as.</summary>
    public static CheckpointMetadata Empty { get; } = new();

    [JsonPropertyName("k8sPodNamespace")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? PodNamespace { get; init; }

    [JsonPropertyName("k8sPodName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? PodName { get; init; }

    [JsonPropertyName("interfacesCount")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int InterfacesCount { get; init; }

    /// <summary>The datastore's view of this metadata.</summary>
    public IpamMetadata ToIpamMetadata() => new(PodNamespace ?? string.Empty, PodName ?? string.Empty, InterfacesCount);

    /// <summary>The checkpoint form of datastore metadata; empty strings are left out, as Go's omitempty does.</summary>
    public static CheckpointMetadata From(IpamMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new CheckpointMetadata
        {
            PodNamespace = string.IsNullOrEmpty(metadata.PodNamespace) ? null : metadata.PodNamespace,
            PodName = string.IsNullOrEmpty(metadata.PodName) ? null : metadata.PodName,
            InterfacesCount = metadata.InterfacesCount,
        };
    }
}
