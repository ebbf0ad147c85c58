using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Ipam.Placement;

/// <summary>
/// Picks the node's ENIConfig as upstream <c>pkg/eniconfig/eniconfig.go</c>
/// (<c>GetNodeSpecificENIConfigName</c>, <c>MyENIConfig</c>) does.
/// </summary>
public static class EniConfigSelector
{
    /// <summary>The label that hands the choice to something outside the CNI; it wins over everything.</summary>
    public const string ExternalEniConfigLabel = "vpc.amazonaws.com/externalEniConfig";

    /// <summary>The name used when no label or annotation names one.</summary>
    public const string DefaultName = "default";

    /// <summary>
    /// The first of: the label <c>vpc.amazonaws.com/externalEniConfig</c>, the annotation
    /// <paramref name="annotationKey"/> (<c>ENI_CONFIG_ANNOTATION_DEF</c>), the label
    /// <paramref name="labelKey"/> (<c>ENI_CONFIG_LABEL_DEF</c>), else <c>default</c>. A key that is
    /// present counts even with an empty value, as upstream's map lookups do.
    /// </summary>
    public static string NodeSpecificName(NodeObjectMetadata node, string annotationKey, string labelKey)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Labels.TryGetValue(ExternalEniConfigLabel, out var external))
        {
            return external;
        }

        if (node.Annotations.TryGetValue(annotationKey, out var annotated))
        {
            return annotated;
        }

        return node.Labels.TryGetValue(labelKey, out var labelled) ? labelled : DefaultName;
    }

    /// <summary>The node's ENIConfig; <see cref="ErrorIds.CustomNetworking.NoEniConfig"/> when it does not exist.</summary>
    public static async Task<EniConfig> ForNodeAsync(IEniConfigSource? source, string annotationKey, string labelKey, CancellationToken cancellationToken)
    {
        if (source is null)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.CustomNetworking.NoEniConfig,
                "Custom networking is on but no ENIConfig source is configured, so no ENI can be created.");
        }

        var node = await source.GetNodeAsync(cancellationToken).ConfigureAwait(false);
        var name = NodeSpecificName(node, annotationKey, labelKey);
        return await source.GetAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new VpcCniException(VpcCniErrorCategory.NotFound, ErrorIds.CustomNetworking.NoEniConfig,
                $"Custom networking is on and the node's ENIConfig '{name}' does not exist, so no ENI is created until it does.");
    }
}
