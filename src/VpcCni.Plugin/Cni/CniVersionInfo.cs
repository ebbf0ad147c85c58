using System.Text.Json.Serialization;

namespace VpcCni.Plugin.Cni;

/// <summary>VERSION's answer (CNI spec, "VERSION").</summary>
public sealed record CniVersionInfo(
    [property: JsonPropertyName("cniVersion")] string CniVersion,
    [property: JsonPropertyName("supportedVersions")] IReadOnlyList<string> SupportedVersions);
