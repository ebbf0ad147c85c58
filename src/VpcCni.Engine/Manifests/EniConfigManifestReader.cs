using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Placement;
using static VpcCni.Engine.Manifests.ManifestYaml;

namespace VpcCni.Engine.Manifests;

/// <summary>
/// Reads ENIConfig manifests exactly in the custom resource's shape (<c>apiVersion:
/// crd.k8s.amazonaws.com/v1alpha1</c>, <c>kind: ENIConfig</c>, <c>metadata.name</c>,
/// <c>spec.subnet</c>, <c>spec.securityGroups</c>; upstream <c>pkg/apis/crd/v1alpha1/eniconfig_types.go</c>),
/// as <c>kubectl apply</c> takes them (<see cref="ManifestYaml"/>). Other fields (status, labels) are ignored.
/// </summary>
public static class EniConfigManifestReader
{
    public const string ApiVersion = "crd.k8s.amazonaws.com/v1alpha1";

    public const string Kind = "ENIConfig";

    /// <summary>Every ENIConfig in <paramref name="text"/>; <c>CustomNetworking.InvalidEniConfig</c> naming <paramref name="source"/> when an object is not one.</summary>
    public static IReadOnlyList<EniConfig> Read(string text, string source) =>
        Read(text, source, skipOtherKinds: false);

    /// <summary>
    /// As <see cref="Read(string, string)"/>; with <paramref name="skipOtherKinds"/>, objects of other
    /// kinds (a ConfigMap next to the ENIConfigs) are passed over instead of refused.
    /// </summary>
    public static IReadOnlyList<EniConfig> Read(string text, string source, bool skipOtherKinds)
    {
        ArgumentNullException.ThrowIfNull(text);
        var configs = new List<EniConfig>();
        foreach (var node in Objects(text, (problem, inner) => Invalid(source, problem, inner)))
        {
            var (apiVersion, kind) = TypeOf(node);
            if (apiVersion != ApiVersion || kind != Kind)
            {
                if (skipOtherKinds)
                {
                    continue;
                }

                throw Invalid(source, $"holds apiVersion '{apiVersion}', kind '{kind}'; expected {ApiVersion}, {Kind}");
            }

            var name = NameOf(node).Name;
            if (string.IsNullOrEmpty(name))
            {
                throw Invalid(source, "holds an ENIConfig without metadata.name");
            }

            var spec = Mapping(node, "spec");
            var subnet = spec is null ? null : Scalar(spec, "subnet");
            if (string.IsNullOrEmpty(subnet))
            {
                throw Invalid(source, $"holds ENIConfig '{name}' without spec.subnet");
            }

            configs.Add(new EniConfig(name, subnet, spec is null ? [] : Strings(spec, "securityGroups")));
        }

        return configs;
    }

    /// <summary>The ENIConfigs of the manifest files and directories <paramref name="paths"/> names; other kinds are passed over.</summary>
    public static IReadOnlyList<EniConfig> ReadPaths(IEnumerable<string> paths) =>
        [.. Files(paths, (problem, inner) => Invalid("path", problem, inner)).SelectMany(f => Read(f.Text, f.Path, skipOtherKinds: true))];

    private static VpcCniException Invalid(string source, string problem, Exception? inner = null) =>
        new(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.CustomNetworking.InvalidEniConfig, $"ENIConfig manifest {source} {problem}.", inner);
}
