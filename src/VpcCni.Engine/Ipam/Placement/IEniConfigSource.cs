namespace VpcCni.Engine.Ipam.Placement;

/// <summary>
/// Where custom networking learns the cluster's ENIConfigs and the node's labels and annotations. The
/// service's directory of manifests implements it, and so does <c>Kubernetes/KubernetesEniConfigSource</c>
/// (ENIConfig objects and the Node from the API server, as upstream <c>pkg/eniconfig/eniconfig.go</c>
/// reads them). Each call reads afresh, so an edit applies to the next ENI.
/// </summary>
public interface IEniConfigSource
{
    /// <summary>The ENIConfig named <paramref name="name"/>, or null when there is none.</summary>
    Task<EniConfig?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every ENIConfig, for introspection.</summary>
    Task<IReadOnlyList<EniConfig>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The labels and annotations of this node's Node object.</summary>
    Task<NodeObjectMetadata> GetNodeAsync(CancellationToken cancellationToken);
}
