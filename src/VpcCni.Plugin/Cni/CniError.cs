using System.Text.Json.Serialization;

namespace VpcCni.Plugin.Cni;

/// <summary>The error JSON on stdout (CNI spec, "Error"): <c>details</c> holds the error id (docs/plugin.md).</summary>
public sealed record CniError(
    [property: JsonPropertyName("cniVersion")] string CniVersion,
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string Msg,
    [property: JsonPropertyName("details")] string? Details);
