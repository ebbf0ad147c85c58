namespace VpcCni.Engine.Tests.Manifests.Models;

/// <summary>An ENIConfig's <c>spec</c>.</summary>
public sealed class EniConfigSpecObject
{
    public string? Subnet { get; set; }

    public IList<string>? SecurityGroups { get; set; }
}
