using System.Text.Json.Serialization;

namespace VpcCni.Plugin.Cni;

/// <summary>One entry of a result's <c>ips</c>; <see cref="Version"/> ("4" or "6") exists only in 0.4.0 results.</summary>
public sealed record CniIpConfig
{
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("address")]
    public required string Address { get; init; }

    [JsonPropertyName("gateway")]
    public string? Gateway { get; init; }

    [JsonPropertyName("interface")]
    public int? Interface { get; init; }
}
