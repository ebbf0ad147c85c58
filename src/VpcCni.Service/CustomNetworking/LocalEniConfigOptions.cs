using System.ComponentModel.DataAnnotations;

namespace VpcCni.Service.CustomNetworking;

/// <summary>
/// The local source of custom networking (configuration section <c>EniConfigs</c>): a directory of
/// ENIConfig manifests and the node's labels and annotations, which stand in for the Kubernetes API
/// until the node reads them from the cluster (docs/configuration.md, "Custom networking without the
/// Kubernetes API").
/// </summary>
public sealed class LocalEniConfigOptions : IValidatableObject
{
    /// <summary>The configuration section bound to this class.</summary>
    public const string SectionName = "EniConfigs";

    /// <summary>The directory of ENIConfig manifests (<c>*.yaml</c>, <c>*.yml</c>, <c>*.json</c>); read again for every new ENI.</summary>
    public string Directory { get; set; } = "/etc/vpc-cni/eniconfigs";

    /// <summary>The Node's labels, for example <c>EniConfigs:NodeLabels:k8s.amazonaws.com/eniConfig=pods-a</c>.</summary>
    public Dictionary<string, string> NodeLabels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The Node's annotations; <c>ENI_CONFIG_ANNOTATION_DEF</c> names the one that picks the ENIConfig.</summary>
    public Dictionary<string, string> NodeAnnotations { get; set; } = new(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Path.IsPathFullyQualified(Directory))
        {
            yield return new ValidationResult($"{SectionName}:Directory '{Directory}' must be an absolute path.", [nameof(Directory)]);
        }
    }
}
