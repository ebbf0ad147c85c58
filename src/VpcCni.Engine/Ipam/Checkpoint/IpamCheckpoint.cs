using System.Text.Json.Serialization;

namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>
/// The checkpoint document, byte-compatible with upstream's <c>vpc-cni-ipam/1</c> format
/// (upstream <c>pkg/ipamd/datastore/data_store.go</c> <c>CheckpointData</c>), so a node can move between the Go daemon and ours.
/// </summary>
public sealed record IpamCheckpoint
{
    /// <summary>The only format version this project reads and writes.</summary>
    public const string CurrentVersion = "vpc-cni-ipam/1";

    private readonly string _version = CurrentVersion;
    private readonly IReadOnlyList<CheckpointAllocation> _allocations = [];

    /// <summary>Format version; <c>null</c> in the file reads as empty (and so fails the version check).</summary>
    [JsonPropertyName("version")]
    public string Version { get => _version; init => _version = value ?? string.Empty; }

    /// <summary>
    /// Assigned addresses. Go writes a nil slice as <c>null</c>; that, and <c>null</c> elements (which Go
    /// decodes as empty entries), read as nothing.
    /// </summary>
    [JsonPropertyName("allocations")]
    public IReadOnlyList<CheckpointAllocation> Allocations
    {
        get => _allocations;
        init => _allocations = value is null ? [] : value.Any(a => a is null) ? value.Where(a => a is not null).ToArray() : value;
    }
}
