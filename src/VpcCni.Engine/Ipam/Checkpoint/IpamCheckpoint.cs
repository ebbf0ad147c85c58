using System.Text.Json.Serialization;

namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>
/// The checkpoint document, byte-compatible with upstream's <c>vpc-cni-ipam/1</c> format
/// (upstream `pkg/ipamd/datastore/data_store.go` `CheckpointData`), so a node can move between the Go daemon and ours.
/// </summary>
public sealed record IpamCheckpoint
{
    /// <summary>The only format version this project reads and writes.</summary>
    public const string CurrentVersion = "vpc-cni-ipam/1";

    [JsonPropertyName("version")]
    public string Version { get; init; } = CurrentVersion;

    [JsonPropertyName("allocations")]
    public IReadOnlyList<CheckpointAllocation> Allocations { get; init; } = [];
}
