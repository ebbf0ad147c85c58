using System.Text.Json.Nodes;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// The discovery documents (<c>/api</c>, <c>/api/v1</c>, <c>/apis</c>, <c>/apis/{group}</c>,
/// <c>/apis/{group}/{version}</c>, <c>/version</c>) for the kinds in <see cref="KubeResourceCatalog"/>,
/// in the shapes of <c>APIVersions</c>, <c>APIResourceList</c>, <c>APIGroupList</c> and <c>APIGroup</c>
/// (Kubernetes API concepts, "Discovery API").
/// </summary>
internal static class KubeDiscovery
{
    private static readonly string[] Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"];

    /// <summary>The document at <paramref name="path"/>, or null when discovery has none there.</summary>
    public static JsonObject? Document(string path, Uri endpoint)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["version"] => new JsonObject
            {
                ["major"] = "1", ["minor"] = "33", ["gitVersion"] = "v1.33.0-vpccni-sim", ["platform"] = "linux/amd64",
            },
            ["api"] => new JsonObject
            {
                ["kind"] = "APIVersions",
                ["versions"] = new JsonArray("v1"),
                ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = endpoint.Authority }),
            },
            ["api", "v1"] => ResourceList("", "v1"),
            ["apis"] => new JsonObject
            {
                ["kind"] = "APIGroupList",
                ["apiVersion"] = "v1",
                ["groups"] = new JsonArray([.. GroupNames().Select(g => (JsonNode)Group(g))]),
            },
            ["apis", var group] when GroupNames().Contains(group) => Group(group),
            ["apis", var group, var version] when Versions(group).Contains(version) => ResourceList(group, version),
            _ => null,
        };
    }

    private static IEnumerable<string> GroupNames() =>
        KubeResourceCatalog.All.Where(t => t.Group.Length > 0).Select(t => t.Group).Distinct();

    /// <summary>A group's versions, first the one its first kind in the catalogue uses (the preferred one).</summary>
    private static string[] Versions(string group) =>
        [.. KubeResourceCatalog.All.Where(t => t.Group == group).Select(t => t.Version).Distinct()];

    /// <summary>One group with every version it serves (vpcresources.k8s.aws has v1beta1 SecurityGroupPolicy and v1alpha1 CNINode).</summary>
    private static JsonObject Group(string group)
    {
        JsonObject GroupVersion(string version) => new() { ["groupVersion"] = $"{group}/{version}", ["version"] = version };
        var versions = Versions(group);
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)GroupVersion(v))]),
            ["preferredVersion"] = GroupVersion(versions[0]),
        };
    }

    private static JsonObject ResourceList(string group, string version) => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
        ["resources"] = new JsonArray([.. KubeResourceCatalog.All.Where(t => t.Group == group && t.Version == version).SelectMany(Resources)]),
    };

    private static IEnumerable<JsonNode> Resources(KubeResourceType type)
    {
        yield return new JsonObject
        {
            ["name"] = type.Plural,
            ["singularName"] = type.Singular,
            ["namespaced"] = type.Namespaced,
            ["kind"] = type.Kind,
            ["verbs"] = new JsonArray([.. Verbs.Select(v => (JsonNode)v)]),
        };
        yield return new JsonObject
        {
            ["name"] = type.Plural + "/status",
            ["singularName"] = "",
            ["namespaced"] = type.Namespaced,
            ["kind"] = type.Kind,
            ["verbs"] = new JsonArray("get", "patch", "update"),
        };
    }
}
