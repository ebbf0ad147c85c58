using System.Text.Json.Serialization;

namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>
/// One assigned address in the checkpoint. Field names and omission rules follow upstream's
/// <c>CheckpointEntry</c> (<c>ipv4</c>/<c>ipv6</c> omitted when empty).
/// </summary>
public sealed record CheckpointAllocation
{
    [JsonPropertyName("networkName")]
    public string NetworkName { get; init; } = string.Empty;

    [JsonPropertyName("containerID")]
    public string ContainerId { get; init; } = string.Empty;

    [JsonPropertyName("ifName")]
    public string InterfaceName { get; init; } = string.Empty;

    [JsonPropertyName("ipv4")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Ipv4 { get; init; }

    [JsonPropertyName("ipv6")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Ipv6 { get; init; }

    /// <summary>Assignment time in Unix nanoseconds (Go <c>time.UnixNano()</c>).</summary>
    [JsonPropertyName("allocationTimestamp")]
    public long AllocationTimestamp { get; init; }

    [JsonPropertyName("metadata")]
    public CheckpointMetadata Metadata { get; init; } = new();

    [JsonIgnore]
    public IpamKey Key => new(NetworkName, ContainerId, InterfaceName);

    /// <summary>Converts a .NET instant to Unix nanoseconds (100 ns tick resolution).</summary>
    public static long ToUnixNanoseconds(DateTimeOffset instant) =>
        checked((instant - DateTimeOffset.UnixEpoch).Ticks * 100);

    /// <summary>Converts Unix nanoseconds back, truncated to the 100 ns tick.</summary>
    public static DateTimeOffset FromUnixNanoseconds(long nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100);
}
