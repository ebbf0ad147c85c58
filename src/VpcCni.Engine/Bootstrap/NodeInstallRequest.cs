namespace VpcCni.Engine.Bootstrap;

/// <summary>What <see cref="NodeInstaller"/> installs, and where.</summary>
public sealed record NodeInstallRequest
{
    /// <summary>The root every node path is placed under (<c>/</c> for the machine itself; a directory for an image or a test).</summary>
    public string Root { get; init; } = "/";

    /// <summary>The directory holding <c>vpc-cni</c> and <c>vpc-cni-node</c> (build.ps1 Publish's <c>out/bin</c>); not needed to uninstall.</summary>
    public string? SourceDirectory { get; init; }

    /// <summary>Values for the environment file; others already there are kept.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
}
