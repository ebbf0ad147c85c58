namespace VpcCni.Engine.SecurityGroups;

/// <summary>
/// One SecurityGroupPolicy (custom resource <c>securitygrouppolicies.vpcresources.k8s.aws/v1beta1</c>,
/// namespaced; upstream amazon-vpc-resource-controller-k8s <c>apis/vpcresources/v1beta1/securitygrouppolicy_types.go</c>):
/// the security groups that pods of its namespace get on a branch ENI when its selectors select them.
/// </summary>
/// <param name="Namespace">The object's <c>metadata.namespace</c>; it applies only to pods of that namespace.</param>
/// <param name="Name">The object's <c>metadata.name</c>.</param>
/// <param name="PodSelector"><c>spec.podSelector</c> over the pod's labels; null when the field is absent.</param>
/// <param name="ServiceAccountSelector"><c>spec.serviceAccountSelector</c> over the labels of the pod's service account; null when absent.</param>
/// <param name="GroupIds"><c>spec.securityGroups.groupIds</c>.</param>
public sealed record SecurityGroupPolicy(
    string Namespace,
    string Name,
    LabelSelector? PodSelector,
    LabelSelector? ServiceAccountSelector,
    IReadOnlyList<string> GroupIds);
