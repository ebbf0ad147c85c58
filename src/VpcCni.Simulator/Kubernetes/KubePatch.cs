using System.Text.Json.Nodes;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// The patch bodies the API server takes for these kinds: JSON merge patch (RFC 7386), JSON patch
/// (RFC 6902), and strategic merge patch treated as a merge patch (the kinds served here carry no
/// patch strategies that would make a difference for what the node agent and the tests send).
/// Written over <see cref="JsonNode"/> rather than through the ASP.NET Core JSON Patch package,
/// whose adapters bind by reflection: the simulator is compiled into the Native AOT service.
/// </summary>
public static class KubePatch
{
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string JsonPatch = "application/json-patch+json";

    /// <summary>The patched copy of <paramref name="target"/>; 415 for another content type, 422 when a JSON patch operation fails.</summary>
    public static JsonObject Apply(JsonObject target, JsonNode? patch, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(target);
        var mediaType = contentType?.Split(';')[0].Trim();
        var result = target.DeepClone().AsObject();
        switch (mediaType)
        {
            case MergePatch or StrategicMergePatch:
                return Merge(result, patch) as JsonObject
                    ?? throw new KubeApiException(422, "Invalid", "a merge patch must leave an object");
            case JsonPatch:
                var operations = patch as JsonArray ?? throw KubeApiException.BadRequest("a JSON patch must be an array of operations");
                JsonNode root = result;
                foreach (var operation in operations)
                {
                    root = ApplyOperation(root, operation as JsonObject ?? throw KubeApiException.BadRequest("a JSON patch operation must be an object"));
                }

                return root as JsonObject ?? throw new KubeApiException(422, "Invalid", "a JSON patch must leave an object");
            default:
                throw new KubeApiException(415, "UnsupportedMediaType", $"the patch content type '{mediaType}' is not supported");
        }
    }

    /// <summary>RFC 7386 section 2, MergePatch(Target, Patch).</summary>
    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var targetObject = target as JsonObject ?? [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                targetObject.Remove(name);
            }
            else
            {
                var merged = Merge(targetObject[name], value);
                targetObject.Remove(name);
                targetObject[name] = merged;
            }
        }

        return targetObject;
    }

    /// <summary>RFC 6902 section 4: add, remove, replace, move, copy, test.</summary>
    private static JsonNode ApplyOperation(JsonNode root, JsonObject operation)
    {
        var op = (string?)operation["op"] ?? throw KubeApiException.BadRequest("a JSON patch operation needs 'op'");
        var path = (string?)operation["path"] ?? throw KubeApiException.BadRequest("a JSON patch operation needs 'path'");
        switch (op)
        {
            case "add":
                return Add(root, path, operation["value"]?.DeepClone());
            case "remove":
                Remove(root, path);
                return root;
            case "replace":
                Remove(root, path);
                return Add(root, path, operation["value"]?.DeepClone());
            case "move":
                var moved = Resolve(root, From(operation))?.DeepClone();
                Remove(root, From(operation));
                return Add(root, path, moved);
            case "copy":
                return Add(root, path, Resolve(root, From(operation))?.DeepClone());
            case "test":
                return JsonNode.DeepEquals(Resolve(root, path), operation["value"])
                    ? root
                    : throw new KubeApiException(422, "Invalid", $"the JSON patch test at '{path}' failed");
            default:
                throw KubeApiException.BadRequest($"unknown JSON patch operation '{op}'");
        }
    }

    private static string From(JsonObject operation) =>
        (string?)operation["from"] ?? throw KubeApiException.BadRequest("a move or copy operation needs 'from'");

    private static JsonNode Add(JsonNode root, string path, JsonNode? value)
    {
        if (path.Length == 0)
        {
            return value ?? throw new KubeApiException(422, "Invalid", "cannot replace the whole object with null");
        }

        var (parent, last) = Parent(root, path);
        switch (parent)
        {
            case JsonObject o:
                o.Remove(last);
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, out var index) && index >= 0 && index <= a.Count:
                a.Insert(index, value);
                break;
            default:
                throw new KubeApiException(422, "Invalid", $"the JSON patch path '{path}' does not exist");
        }

        return root;
    }

    private static void Remove(JsonNode root, string path)
    {
        var (parent, last) = Parent(root, path);
        var removed = parent switch
        {
            JsonObject o => o.Remove(last),
            JsonArray a when int.TryParse(last, out var index) && index >= 0 && index < a.Count => RemoveAt(a, index),
            _ => false,
        };
        if (!removed)
        {
            throw new KubeApiException(422, "Invalid", $"the JSON patch path '{path}' does not exist");
        }
    }

    private static bool RemoveAt(JsonArray array, int index)
    {
        array.RemoveAt(index);
        return true;
    }

    private static (JsonNode? Parent, string Last) Parent(JsonNode root, string path)
    {
        var cut = path.LastIndexOf('/');
        return (Resolve(root, path[..cut]), Unescape(path[(cut + 1)..]));
    }

    /// <summary>RFC 6901 JSON Pointer evaluation; null when a segment is missing.</summary>
    private static JsonNode? Resolve(JsonNode root, string pointer)
    {
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            throw KubeApiException.BadRequest($"'{pointer}' is not a JSON pointer");
        }

        JsonNode? node = root;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var segment = Unescape(raw);
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
