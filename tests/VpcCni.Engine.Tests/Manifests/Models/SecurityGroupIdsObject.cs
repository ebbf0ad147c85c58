namespace VpcCni.Engine.Tests.Manifests.Models;

/// <summary>A SecurityGroupPolicy's <c>spec.securityGroups</c>.</summary>
public sealed class SecurityGroupIdsObject
{
    public IList<string>? GroupIds { get; set; }
}
