using System.Text.Json.Serialization;

namespace VpcCni.Service.Introspection;

/// <summary>Source-generated JSON for the introspection views; property names are the records' (upstream's Go field names).</summary>
[JsonSerializable(typeof(SortedDictionary<string, EniInfosView>))]
[JsonSerializable(typeof(IReadOnlyList<PodView>))]
[JsonSerializable(typeof(EniConfigInfoView))]
[JsonSerializable(typeof(AvailableCommandsView))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, object>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(uint))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
internal sealed partial class IntrospectionJsonContext : JsonSerializerContext;
