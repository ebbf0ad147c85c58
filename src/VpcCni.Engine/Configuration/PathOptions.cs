namespace VpcCni.Engine.Configuration;

/// <summary>
/// Where the plugin binaries and the conflist are installed (docs/configuration.md). Our defaults are the
/// host paths, since the node service runs on the host rather than in a container with <c>/host</c> mounts.
/// </summary>
public sealed class PathOptions
{
    /// <summary><c>HOST_CNI_BIN_PATH</c>.</summary>
    public string HostCniBinPath { get; set; } = "/opt/cni/bin";

    /// <summary><c>HOST_CNI_CONFDIR_PATH</c>.</summary>
    public string HostCniConfDirPath { get; set; } = "/etc/cni/net.d";
}
