using System.Text.Json.Serialization;

namespace VpcCni.Plugin.Cni;

/// <summary>One still-valid attachment GC receives (CNI spec, "GC": <c>cni.dev/attachments</c>).</summary>
public sealed record GcAttachment
{
    [JsonPropertyName("containerID")]
    public string? ContainerId { get; init; }

    [JsonPropertyName("ifname")]
    public string? IfName { get; init; }
}
