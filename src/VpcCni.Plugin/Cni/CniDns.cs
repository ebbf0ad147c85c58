using System.Text.Json.Serialization;

namespace VpcCni.Plugin.Cni;

/// <summary>A result's <c>dns</c>; the plugin sets none of it (the kubelet writes the pod's resolv.conf).</summary>
public sealed record CniDns
{
    [JsonPropertyName("nameservers")]
    public IReadOnlyList<string>? Nameservers { get; init; }

    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    [JsonPropertyName("search")]
    public IReadOnlyList<string>? Search { get; init; }

    [JsonPropertyName("options")]
    public IReadOnlyList<string>? Options { get; init; }
}
