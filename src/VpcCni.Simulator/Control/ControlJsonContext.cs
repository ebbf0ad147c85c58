using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Control;

/// <summary>
/// Compile-time JSON metadata for what the control endpoint reads and writes (the .NET docs, "How
/// to use source generation in System.Text.Json"), so the endpoint runs in the Native AOT service
/// behind <c>vpc-cni-node run --simulate</c>. Camel case names, case-insensitive reading, indented.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    WriteIndented = true)]
[JsonSerializable(typeof(FaultRule))]
[JsonSerializable(typeof(SimPolicyRequest))]
[JsonSerializable(typeof(IReadOnlyList<FaultRule>))]
[JsonSerializable(typeof(IReadOnlyList<SimRequestRecord>))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
