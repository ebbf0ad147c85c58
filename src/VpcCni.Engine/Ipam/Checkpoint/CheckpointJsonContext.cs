using System.Text.Json.Serialization;

namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>Source-generated (AOT- and trim-safe) JSON metadata for the checkpoint document.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(IpamCheckpoint))]
internal sealed partial class CheckpointJsonContext : JsonSerializerContext;
