namespace VpcCni.Engine.Aws.Iam;

/// <summary>
/// One EC2 resource type an action is granted on (the "Resource types" column of the Service
/// Authorization Reference, "Actions, resources, and condition keys for Amazon EC2"), and how it is
/// narrowed to a cluster.
/// </summary>
/// <param name="ResourceType">The ARN resource type (<c>network-interface</c>, <c>subnet</c>, …); <c>*</c> for actions without resource-level permissions (every Describe).</param>
/// <param name="ClusterTag">The narrowing applied when a cluster name is given.</param>
public sealed record IamResourceGrant(string ResourceType, IamTagCondition ClusterTag = IamTagCondition.None);
