using System.Text.Json.Nodes;

namespace VpcCni.Engine.Kubernetes;

/// <summary>Reads the few fields the views need from an object as the API server serves it.</summary>
internal static class KubeObjectFields
{
    public static string Name(JsonObject obj) => (string?)obj["metadata"]?["name"] ?? string.Empty;

    public static string Namespace(JsonObject obj) => (string?)obj["metadata"]?["namespace"] ?? string.Empty;

    /// <summary>A string map such as <c>metadata.labels</c> or a ConfigMap's <c>data</c>; non-string values are skipped.</summary>
    public static Dictionary<string, string> StringMap(JsonNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    map[key] = text;
                }
            }
        }

        return map;
    }
}
