namespace VpcCni.Engine.Ipam.Placement;

/// <summary>
/// One ENIConfig (custom resource <c>eniconfigs.crd.k8s.amazonaws.com/v1alpha1</c>, upstream
/// <c>pkg/apis/crd/v1alpha1/eniconfig_types.go</c>): where the node's new ENIs go.
/// </summary>
/// <param name="Name">The object's <c>metadata.name</c>; a node picks its ENIConfig by name.</param>
/// <param name="Subnet">The object's <c>spec.subnet</c>: the subnet of new ENIs.</param>
/// <param name="SecurityGroups">The object's <c>spec.securityGroups</c>; empty means the primary ENI's groups.</param>
public sealed record EniConfig(string Name, string Subnet, IReadOnlyList<string> SecurityGroups);
