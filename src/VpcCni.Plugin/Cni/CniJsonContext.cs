using System.Text.Json.Serialization;

namespace VpcCni.Plugin.Cni;

/// <summary>
/// Source-generated JSON for everything the plugin reads and writes (Native AOT: no reflection). Keys
/// match case-insensitively, as Go's encoding/json matches them for upstream's plugin.
/// </summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NetConfDocument))]
[JsonSerializable(typeof(CniResult))]
[JsonSerializable(typeof(CniError))]
[JsonSerializable(typeof(CniVersionInfo))]
public sealed partial class CniJsonContext : JsonSerializerContext
{
}
