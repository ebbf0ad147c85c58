using VpcCni.Engine.Errors;
using VpcCni.Engine.SecurityGroups;
using YamlDotNet.RepresentationModel;
using static VpcCni.Engine.Manifests.ManifestYaml;

namespace VpcCni.Engine.Manifests;

/// <summary>
/// Reads SecurityGroupPolicy objects (<c>vpcresources.k8s.aws/v1beta1</c>; upstream
/// amazon-vpc-resource-controller-k8s <c>apis/vpcresources/v1beta1/securitygrouppolicy_types.go</c>)
/// from manifests as <c>kubectl apply</c> takes them. Objects of other kinds in the same text (the
/// Deployment a policy is written for) are passed over. A selector keeps what it says even when it is
/// invalid, so the evaluator can say why it selects nothing.
/// </summary>
public static class SecurityGroupPolicyManifestReader
{
    public const string ApiVersion = "vpcresources.k8s.aws/v1beta1";

    public const string Kind = "SecurityGroupPolicy";

    /// <summary>
    /// Every SecurityGroupPolicy in <paramref name="text"/>; one without <c>metadata.namespace</c> is in
    /// <paramref name="defaultNamespace"/>, as <c>kubectl apply</c> puts it in the context's namespace.
    /// </summary>
    public static IReadOnlyList<SecurityGroupPolicy> Read(string text, string source, string defaultNamespace = "default")
    {
        ArgumentNullException.ThrowIfNull(text);
        var policies = new List<SecurityGroupPolicy>();
        foreach (var node in Objects(text, (problem, inner) => Invalid(source, problem, inner)))
        {
            if (TypeOf(node) != (ApiVersion, Kind))
            {
                continue;
            }

            var (name, ns) = NameOf(node);
            if (string.IsNullOrEmpty(name))
            {
                throw Invalid(source, "holds a SecurityGroupPolicy without metadata.name");
            }

            var spec = Mapping(node, "spec") ?? throw Invalid(source, $"holds SecurityGroupPolicy '{name}' without spec");
            var groups = Mapping(spec, "securityGroups") is { } sg ? Strings(sg, "groupIds") : [];
            policies.Add(new SecurityGroupPolicy(string.IsNullOrEmpty(ns) ? defaultNamespace : ns, name,
                Selector(spec, "podSelector", source, name), Selector(spec, "serviceAccountSelector", source, name), groups));
        }

        return policies;
    }

    /// <summary>The SecurityGroupPolicies of the manifest files and directories <paramref name="paths"/> names.</summary>
    public static IReadOnlyList<SecurityGroupPolicy> ReadPaths(IEnumerable<string> paths, string defaultNamespace = "default") =>
        [.. Files(paths, (problem, inner) => Invalid("path", problem, inner)).SelectMany(f => Read(f.Text, f.Path, defaultNamespace))];

    private static LabelSelector? Selector(YamlMappingNode spec, string field, string source, string name)
    {
        var node = Child(spec, field);
        if (node is null or YamlScalarNode { Value: null or "" or "null" or "~" })
        {
            return null;
        }

        var selector = node as YamlMappingNode ?? throw Invalid(source, $"holds SecurityGroupPolicy '{name}' whose {field} is not a mapping");
        var expressions = Child(selector, "matchExpressions") is YamlSequenceNode list
            ? list.Children.Select(e => e as YamlMappingNode ?? throw Invalid(source, $"holds SecurityGroupPolicy '{name}' with a {field}.matchExpressions entry that is not a mapping"))
                .Select(e => new LabelSelectorRequirement(Scalar(e, "key") ?? string.Empty, Scalar(e, "operator") ?? string.Empty, Strings(e, "values")))
                .ToArray()
            : [];
        return new LabelSelector(StringMap(Mapping(selector, "matchLabels")), expressions);
    }

    private static VpcCniException Invalid(string source, string problem, Exception? inner = null) =>
        new(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.SecurityGroupPolicy.InvalidManifest, $"SecurityGroupPolicy manifest {source} {problem}.", inner);
}
