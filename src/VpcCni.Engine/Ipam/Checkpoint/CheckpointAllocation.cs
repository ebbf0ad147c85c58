using System.Text.Json.Serialization;

namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>
/// One assigned address in the checkpoint. Field names and omission rules follow upstream's
/// <c>CheckpointEntry</c> (<c>ipv4</c>/<c>ipv6</c> omitted when empty).
/// </summary>
public sealed record CheckpointAllocation
{
    private readonly string _networkName = string.Empty;
    private readonly string _containerId = string.Empty;
    private readonly string _interfaceName = string.Empty;
    private readonly CheckpointMetadata _metadata = CheckpointMetadata.Empty;

    // A JSON null reads as empty, as Go's decoder leaves a string alone on null.
    [JsonPropertyName("networkName")]
    public string NetworkName { get => _networkName; init => _networkName = value ?? string.Empty; }

    [JsonPropertyName("containerID")]
    public string ContainerId { get => _containerId; init => _containerId = value ?? string.Empty; }

    [JsonPropertyName("ifName")]
    public string InterfaceName { get => _interfaceName; init => _interfaceName = value ?? string.Empty; }

    [JsonPropertyName("ipv4")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Ipv4 { get; init; }

    [JsonPropertyName("ipv6")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Ipv6 { get; init; }

    /// <summary>Assignment time in Unix nanoseconds (Go <c>time.UnixNano()</c>).</summary>
    [JsonPropertyName("allocationTimestamp")]
    public long AllocationTimestamp { get; init; }

    /// <summary>Pod metadata; absent before upstream v1.11 and possibly <c>null</c>, both read as empty.</summary>
    [JsonPropertyName("metadata")]
    public CheckpointMetadata Metadata { get => _metadata; init => _metadata = value ?? CheckpointMetadata.Empty; }

    [JsonIgnore]
    public IpamKey Key => new(NetworkName, ContainerId, InterfaceName);

    /// <summary>Converts a .NET instant to Unix nanoseconds (100 ns tick resolution; restored entries keep the value they were written with).</summary>
    public static long ToUnixNanoseconds(DateTimeOffset instant) =>
        checked((instant - DateTimeOffset.UnixEpoch).Ticks * 100);

    /// <summary>Converts Unix nanoseconds back, truncated to the 100 ns tick.</summary>
    public static DateTimeOffset FromUnixNanoseconds(long nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100);
}
