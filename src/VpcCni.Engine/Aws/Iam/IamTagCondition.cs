namespace VpcCni.Engine.Aws.Iam;

/// <summary>How a grant on a resource type is narrowed to one cluster when the policy is generated for a <c>CLUSTER_NAME</c>.</summary>
public enum IamTagCondition
{
    /// <summary>Not narrowed: the resource is not one the node tags (a subnet, the instance, the primary ENI EC2 made with it).</summary>
    None,

    /// <summary>The request must carry the cluster tag (<c>aws:RequestTag/…</c>): the node tags every ENI it creates.</summary>
    RequestTag,

    /// <summary>The resource must already carry the cluster tag (<c>aws:ResourceTag/…</c>): only ENIs the node created.</summary>
    ResourceTag,
}
