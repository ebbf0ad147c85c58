using VpcCni.Engine.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VpcCni.Engine.Manifests;

/// <summary>
/// The objects of a manifest as <c>kubectl apply</c> takes it: YAML or JSON, several documents
/// separated by <c>---</c>, or a <c>List</c> (<c>kubectl get … -o yaml</c>) whose <c>items</c> are the
/// objects. Read with YamlDotNet's representation model, which needs no reflection (the node service
/// is published Native AOT; docs/service.md, "Publishing and memory").
/// </summary>
internal static class ManifestYaml
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Every object of <paramref name="text"/>; <paramref name="invalid"/> builds the error for text that is not YAML or an object that is not a mapping.</summary>
    public static IEnumerable<YamlMappingNode> Objects(string text, Func<string, Exception?, VpcCniException> invalid)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw invalid($"is not YAML or JSON (line {ex.Start.Line}, column {ex.Start.Column}): {ex.Message}", ex);
        }

        var objects = new List<YamlMappingNode>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            var root = document.RootNode as YamlMappingNode ?? throw invalid("holds a document that is not a mapping", null);
            if (Scalar(root, "kind") is { } kind && kind.EndsWith("List", StringComparison.Ordinal))
            {
                var items = (Child(root, "items") as YamlSequenceNode)?.Children ?? [];
                objects.AddRange(items.Select(item => item as YamlMappingNode ?? throw invalid("lists an item that is not a mapping", null)));
            }
            else
            {
                objects.Add(root);
            }
        }

        return objects;
    }

    /// <summary>
    /// The text of each manifest file <paramref name="paths"/> names: a file as given, a directory's
    /// <c>.yaml</c>, <c>.yml</c> and <c>.json</c> files in ordinal order (not recursive), as
    /// <c>kubectl apply -f</c> reads a directory. <paramref name="invalid"/> builds the error for a path that does not exist.
    /// </summary>
    public static IEnumerable<(string Path, string Text)> Files(IEnumerable<string> paths, Func<string, Exception?, VpcCniException> invalid)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            IEnumerable<string> files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path).Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
                : File.Exists(path) ? [path] : throw invalid($"{path} does not exist", null);
            foreach (var file in files)
            {
                yield return (file, File.ReadAllText(file));
            }
        }
    }

    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    /// <summary>The scalar under <paramref name="key"/>, or null.</summary>
    public static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    /// <summary>The mapping under <paramref name="key"/>, or null.</summary>
    public static YamlMappingNode? Mapping(YamlMappingNode node, string key) => Child(node, key) as YamlMappingNode;

    /// <summary>The non-empty scalars of the sequence under <paramref name="key"/>; empty when there is none.</summary>
    public static IReadOnlyList<string> Strings(YamlMappingNode node, string key) =>
        Child(node, key) is YamlSequenceNode list
            ? list.Children.OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>().Where(s => s.Length > 0).ToArray()
            : [];

    /// <summary>A string-to-string map (labels, <c>matchLabels</c>, ConfigMap <c>data</c>); empty when there is none.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(YamlMappingNode? node) =>
        node is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : node.Children.Where(p => p.Key is YamlScalarNode { Value: not null } && p.Value is YamlScalarNode)
                .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? string.Empty, StringComparer.Ordinal);

    /// <summary>The object's <c>apiVersion</c> and <c>kind</c>.</summary>
    public static (string? ApiVersion, string? Kind) TypeOf(YamlMappingNode node) => (Scalar(node, "apiVersion"), Scalar(node, "kind"));

    /// <summary>The object's <c>metadata.name</c> and <c>metadata.namespace</c>.</summary>
    public static (string? Name, string? Namespace) NameOf(YamlMappingNode node) =>
        Mapping(node, "metadata") is { } metadata ? (Scalar(metadata, "name"), Scalar(metadata, "namespace")) : (null, null);
}
