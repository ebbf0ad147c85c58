using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Placement;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VpcCni.Service.CustomNetworking;

/// <summary>
/// Reads ENIConfig manifests exactly in the custom resource's shape (<c>apiVersion:
/// crd.k8s.amazonaws.com/v1alpha1</c>, <c>kind: ENIConfig</c>, <c>metadata.name</c>,
/// <c>spec.subnet</c>, <c>spec.securityGroups</c>; upstream <c>pkg/apis/crd/v1alpha1/eniconfig_types.go</c>),
/// as <c>kubectl apply</c> takes them: YAML or JSON, several documents separated by <c>---</c>, or a
/// <c>List</c> as <c>kubectl get eniconfigs -o yaml</c> writes it. Other fields (status, labels) are ignored.
/// </summary>
internal static class EniConfigManifestReader
{
    public const string ApiVersion = "crd.k8s.amazonaws.com/v1alpha1";

    public const string Kind = "ENIConfig";

    /// <summary>Every ENIConfig in <paramref name="text"/>; <c>CustomNetworking.InvalidEniConfig</c> naming <paramref name="source"/> when it is not one.</summary>
    public static IReadOnlyList<EniConfig> Read(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw Invalid(source, $"is not YAML or JSON (line {ex.Start.Line}, column {ex.Start.Column}): {ex.Message}", ex);
        }

        var configs = new List<EniConfig>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            var root = document.RootNode as YamlMappingNode ?? throw Invalid(source, "holds a document that is not a mapping");
            if (Scalar(root, "kind") is "List" or "ENIConfigList")
            {
                var items = Child(root, "items") as YamlSequenceNode;
                configs.AddRange((items?.Children ?? []).Select(item => ReadOne(item as YamlMappingNode, source)));
            }
            else
            {
                configs.Add(ReadOne(root, source));
            }
        }

        return configs;
    }

    private static EniConfig ReadOne(YamlMappingNode? node, string source)
    {
        if (node is null)
        {
            throw Invalid(source, "lists an item that is not a mapping");
        }

        var (apiVersion, kind) = (Scalar(node, "apiVersion"), Scalar(node, "kind"));
        if (apiVersion != ApiVersion || kind != Kind)
        {
            throw Invalid(source, $"holds apiVersion '{apiVersion}', kind '{kind}'; expected {ApiVersion}, {Kind}");
        }

        var name = Child(node, "metadata") is YamlMappingNode metadata ? Scalar(metadata, "name") : null;
        if (string.IsNullOrEmpty(name))
        {
            throw Invalid(source, "holds an ENIConfig without metadata.name");
        }

        var spec = Child(node, "spec") as YamlMappingNode;
        var subnet = spec is null ? null : Scalar(spec, "subnet");
        if (string.IsNullOrEmpty(subnet))
        {
            throw Invalid(source, $"holds ENIConfig '{name}' without spec.subnet");
        }

        var groups = spec is not null && Child(spec, "securityGroups") is YamlSequenceNode list
            ? list.Children.OfType<YamlScalarNode>().Select(g => g.Value).OfType<string>().Where(g => g.Length > 0).ToArray()
            : [];
        return new EniConfig(name, subnet, groups);
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private static VpcCniException Invalid(string source, string problem, Exception? inner = null) =>
        new(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.CustomNetworking.InvalidEniConfig, $"ENIConfig manifest {source} {problem}.", inner);
}
