using System.Text.Json.Serialization;

namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>
/// Source-generated (AOT- and trim-safe) JSON metadata for the checkpoint document. Property names
/// match case-insensitively, as Go's <c>encoding/json</c> does when upstream reads the file.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = false, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(IpamCheckpoint))]
internal sealed partial class CheckpointJsonContext : JsonSerializerContext;
