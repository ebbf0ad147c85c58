using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// Manifests as <c>kubectl apply -f</c> takes them: YAML or JSON, several documents separated by
/// <c>---</c>, and <c>List</c> objects whose items are loaded one by one. Read through YamlDotNet's
/// representation model (no reflection) into JSON nodes. Plain scalars follow the YAML 1.2 core
/// schema (null, booleans, integers); quoted scalars stay strings, so <c>"3"</c> in a ConfigMap's
/// data is the string the API server would store.
/// </summary>
public static class KubeManifestYaml
{
    /// <summary>Every object in <paramref name="text"/>; 400 (<see cref="KubeApiException"/>) when it is not YAML or holds a non-object.</summary>
    public static IReadOnlyList<JsonObject> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw KubeApiException.BadRequest($"the manifest is not YAML (line {ex.Start.Line}): {ex.Message}");
        }

        var objects = new List<JsonObject>();
        foreach (var document in stream.Documents)
        {
            switch (ToJson(document.RootNode))
            {
                case null:
                    continue;
                case JsonObject { } list when ((string?)list["kind"])?.EndsWith("List", StringComparison.Ordinal) == true && list["items"] is JsonArray items:
                    objects.AddRange(items.OfType<JsonObject>().Select(i => i.DeepClone().AsObject()));
                    break;
                case JsonObject { } one:
                    objects.Add(one);
                    break;
                default:
                    throw KubeApiException.BadRequest($"the manifest document at line {document.RootNode.Start.Line} is not an object");
            }
        }

        return objects;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw KubeApiException.BadRequest($"unsupported YAML node at line {node.Start.Line}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return scalar.Value;
        }

        return scalar.Value switch
        {
            null or "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            { } text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
            { } text => text,
        };
    }
}
