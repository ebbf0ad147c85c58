using System.Text.Json;
using System.Text.Json.Serialization;

namespace VpcCni.Simulator.Scenarios;

/// <summary>
/// Compile-time JSON metadata for <see cref="Scenario"/> (the .NET docs, "How to use source generation
/// in System.Text.Json"), so scenarios load in the Native AOT service behind <c>vpc-cni-node run --simulate</c>.
/// Camel case, case-insensitive, comments and trailing commas allowed, unknown fields rejected.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    WriteIndented = true)]
[JsonSerializable(typeof(Scenario))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
