using System.Text.Json;
using System.Text.Json.Serialization;

namespace VpcCni.Engine.Introspection;

/// <summary>Source-generated reader of <see cref="IntrospectionWire"/>; names match case-insensitively, as Go's encoding/json does.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(Dictionary<string, IntrospectionWire.EniInfos>))]
[JsonSerializable(typeof(IntrospectionWire.EniInfos))]
[JsonSerializable(typeof(List<IntrospectionWire.Pod>))]
internal sealed partial class IntrospectionWireContext : JsonSerializerContext;
