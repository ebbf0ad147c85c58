using System.Text.Json.Serialization;

namespace VpcCni.Plugin.Cni;

/// <summary>One entry of a result's <c>routes</c> (CNI spec, "Success").</summary>
public sealed record CniRoute
{
    [JsonPropertyName("dst")]
    public required string Destination { get; init; }

    [JsonPropertyName("gw")]
    public string? Gateway { get; init; }
}
