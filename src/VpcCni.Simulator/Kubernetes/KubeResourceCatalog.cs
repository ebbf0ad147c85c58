namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// The kinds the loopback API server knows: what the node agent reads and watches, and what the
/// cluster-side manifests create (upstream <c>config/master/aws-k8s-cni.yaml</c> ClusterRole lists
/// the same resources).
/// </summary>
public static class KubeResourceCatalog
{
    public static KubeResourceType Nodes { get; } = new("", "v1", "nodes", "Node", Namespaced: false);

    public static KubeResourceType Pods { get; } = new("", "v1", "pods", "Pod", Namespaced: true);

    public static KubeResourceType ConfigMaps { get; } = new("", "v1", "configmaps", "ConfigMap", Namespaced: true);

    public static KubeResourceType Events { get; } = new("", "v1", "events", "Event", Namespaced: true);

    /// <summary>Custom networking's subnet and security groups (upstream <c>pkg/apis/crd/v1alpha1/eniconfig_types.go</c>).</summary>
    public static KubeResourceType EniConfigs { get; } = new("crd.k8s.amazonaws.com", "v1alpha1", "eniconfigs", "ENIConfig", Namespaced: false);

    /// <summary>Security groups for pods (the VPC resource controller's CRD).</summary>
    public static KubeResourceType SecurityGroupPolicies { get; } = new("vpcresources.k8s.aws", "v1beta1", "securitygrouppolicies", "SecurityGroupPolicy", Namespaced: true);

    /// <summary>The per-node object the VPC resource controller and the CNI share.</summary>
    public static KubeResourceType CniNodes { get; } = new("vpcresources.k8s.aws", "v1alpha1", "cninodes", "CNINode", Namespaced: false);

    public static IReadOnlyList<KubeResourceType> All { get; } = [Nodes, Pods, ConfigMaps, Events, EniConfigs, SecurityGroupPolicies, CniNodes];

    /// <summary>The type served at <c>/api/v1/{plural}</c> (group empty) or <c>/apis/{group}/{version}/{plural}</c>.</summary>
    public static KubeResourceType? ByPath(string group, string version, string plural) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);

    /// <summary>The type of an object with this <c>apiVersion</c> and <c>kind</c>.</summary>
    public static KubeResourceType? ByKind(string? apiVersion, string? kind) =>
        All.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);
}
