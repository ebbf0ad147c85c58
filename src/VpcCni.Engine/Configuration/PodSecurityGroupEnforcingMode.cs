namespace VpcCni.Engine.Configuration;

/// <summary>
/// How traffic of pods with their own security groups (branch ENIs) is routed
/// (<c>POD_SECURITY_GROUP_ENFORCING_MODE</c>; docs/configuration.md).
/// </summary>
public enum PodSecurityGroupEnforcingMode
{
    /// <summary><c>strict</c>: all branch-ENI pod traffic leaves through the branch ENI.</summary>
    Strict = 0,

    /// <summary><c>standard</c>: traffic to local pods and services stays on the node.</summary>
    Standard = 1,
}
