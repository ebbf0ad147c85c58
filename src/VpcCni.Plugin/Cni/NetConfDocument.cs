using System.Text.Json.Serialization;

namespace VpcCni.Plugin.Cni;

/// <summary>
/// The network configuration on stdin as JSON holds it, before validation (<see cref="NetConf"/> is the
/// validated form). Keys are upstream's (<c>cmd/routed-eni-cni-plugin/cni.go</c> <c>NetConf</c>) plus
/// this plugin's <c>ipamSocket</c> and <c>networkPolicySocket</c>; other keys are ignored.
/// <see cref="CniJsonReader"/> reads it; <c>mtu</c> is text, a string or a number on the wire.
/// </summary>
public sealed record NetConfDocument
{
    [JsonPropertyName("cniVersion")]
    public string? CniVersion { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("vethPrefix")]
    public string? VethPrefix { get; init; }

    [JsonPropertyName("mtu")]
    public string? Mtu { get; init; }

    [JsonPropertyName("podSGEnforcingMode")]
    public string? PodSgEnforcingMode { get; init; }

    [JsonPropertyName("pluginLogFile")]
    public string? PluginLogFile { get; init; }

    [JsonPropertyName("pluginLogLevel")]
    public string? PluginLogLevel { get; init; }

    [JsonPropertyName("ipamSocket")]
    public string? IpamSocket { get; init; }

    [JsonPropertyName("networkPolicySocket")]
    public string? NetworkPolicySocket { get; init; }

    [JsonPropertyName("introspectionAddress")]
    public string? IntrospectionAddress { get; init; }

    [JsonPropertyName("runtimeConfig")]
    public RuntimeConfigDocument? RuntimeConfig { get; init; }

    [JsonPropertyName("prevResult")]
    public CniResult? PrevResult { get; init; }

    [JsonPropertyName("cni.dev/attachments")]
    public IReadOnlyList<GcAttachment>? Attachments { get; init; }

    /// <summary>The name libcni used for the same list before the spec settled on <c>cni.dev/attachments</c>.</summary>
    [JsonPropertyName("cni.dev/valid-attachments")]
    public IReadOnlyList<GcAttachment>? ValidAttachments { get; init; }
}
