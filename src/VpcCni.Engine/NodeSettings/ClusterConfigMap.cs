using System.Text.Json;
using System.Text.Json.Nodes;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.NodeSettings;

/// <summary>
/// The <c>amazon-vpc-cni</c> ConfigMap as <see cref="ClusterSettingsEditor"/> read it: the whole object
/// (so a write sends back its labels, annotations and <c>metadata.resourceVersion</c> untouched) and its
/// <c>data</c> in the server's order. A ConfigMap that does not exist reads as empty, as the node
/// treats it (docs/kubernetes.md, "The ConfigMap").
/// </summary>
internal sealed class ClusterConfigMap
{
    private readonly JsonObject? _object;

    private ClusterConfigMap(JsonObject? obj, IReadOnlyList<KeyValuePair<string, string>> data) => (_object, Data) = (obj, data);

    /// <summary>False when the ConfigMap does not exist yet (a write creates it).</summary>
    public bool Exists => _object is not null;

    /// <summary>The <c>data</c> entries in the order the server returned them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Data { get; }

    /// <summary>A ConfigMap that is not there.</summary>
    public static ClusterConfigMap Missing { get; } = new(null, []);

    /// <summary>Reads a ConfigMap from the API server's JSON; an answer that is not one is a <see cref="ErrorIds.ClusterSettings.RequestFailed"/>.</summary>
    public static ClusterConfigMap Parse(string json, string what)
    {
        try
        {
            var obj = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("the answer is null");
            var data = obj["data"] is JsonObject entries
                ? entries.Select(e => KeyValuePair.Create(e.Key, e.Value?.GetValue<string>() ?? string.Empty)).ToArray()
                : [];
            return new ClusterConfigMap(obj, data);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.ClusterSettings.RequestFailed,
                $"The API server's answer for {what} is not a ConfigMap: {ex.Message}", ex);
        }
    }

    /// <summary>The value of <paramref name="variable"/> under any of its keys (the binder's lookup), or null when unset or empty.</summary>
    public static string? ValueOf(IEnumerable<KeyValuePair<string, string>> data, ConfigurationVariable variable) =>
        data.Where(e => Sets(e.Key, variable) && e.Value.Length > 0).Select(e => e.Value).LastOrDefault();

    /// <summary>True when ConfigMap key <paramref name="key"/> sets <paramref name="variable"/> (letter case aside, as the binder reads keys).</summary>
    public static bool Sets(string key, ConfigurationVariable variable) =>
        ConfigurationVariables.TryGetByConfigMapKey(key, out var found) && found == variable;

    /// <summary>The object to PUT back (existing ConfigMap) or POST (new one) with <paramref name="data"/>.</summary>
    public string ToJson(string @namespace, string name, IEnumerable<KeyValuePair<string, string>> data)
    {
        var obj = _object?.DeepClone().AsObject() ?? new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = @namespace },
        };
        obj["data"] = new JsonObject(data.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value))));
        return obj.ToJsonString();
    }
}
