using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using YamlDotNet.RepresentationModel;

namespace VpcCni.Simulator.Scenarios;

/// <summary>
/// Reads a YAML scenario through YamlDotNet's representation model (a parser and a node tree, no
/// reflection) into a JSON node tree, which <see cref="ScenarioJsonContext"/> then binds like a JSON
/// scenario: one set of field names and checks for both forms, and nothing the Native AOT compiler
/// cannot see (YamlDotNet's object deserializer builds types by reflection).
/// </summary>
internal static class ScenarioYaml
{
    /// <summary>
    /// Plain YAML scalars carry no type, so every one but true, false and null becomes a JSON string;
    /// numeric fields then read it as a number, as YamlDotNet's deserializer would have.
    /// </summary>
    private static readonly JsonTypeInfo<Scenario> ScenarioType = (JsonTypeInfo<Scenario>)new JsonSerializerOptions(ScenarioJsonContext.Default.Options)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    }.GetTypeInfo(typeof(Scenario));

    /// <summary>The first document of <paramref name="yaml"/> as a scenario, or null when it is empty.</summary>
    /// <exception cref="YamlDotNet.Core.YamlException">The text is not well-formed YAML.</exception>
    /// <exception cref="JsonException">A field is unknown or holds a value of the wrong type.</exception>
    public static Scenario? Deserialize(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        return stream.Documents.Count == 0 || ToJson(stream.Documents[0].RootNode) is not { } node
            ? null
            : node.Deserialize(ScenarioType);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(Key(c.Key), ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new JsonException($"unsupported YAML node at line {node.Start.Line}"),
    };

    private static string Key(YamlNode key) =>
        key is YamlScalarNode { Value: { } name } ? name : throw new JsonException($"a mapping key at line {key.Start.Line} must be a plain name");

    /// <summary>The YAML 1.2 core schema's null and booleans for plain scalars; quoted ones are always strings.</summary>
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        if (scalar.Style is not (YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any))
        {
            return scalar.Value;
        }

        return scalar.Value switch
        {
            null or "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            { } text => text,
        };
    }
}
