using System.Text.Json.Serialization;

namespace VpcCni.Plugin.Backend;

/// <summary>Source-generated JSON of the service's introspection view the plugin reads.</summary>
[JsonSerializable(typeof(List<IntrospectionPod>))]
public sealed partial class BackendJsonContext : JsonSerializerContext
{
}
