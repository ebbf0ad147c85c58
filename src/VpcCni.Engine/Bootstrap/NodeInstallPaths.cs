namespace VpcCni.Engine.Bootstrap;

/// <summary>Where a node's files live (docs/service.md, "systemd" and "Bootstrap"; docs/cni-config.md).</summary>
public static class NodeInstallPaths
{
    public const string PluginName = "vpc-cni";
    public const string NodeName = "vpc-cni-node";
    public const string Plugin = "/opt/cni/bin/vpc-cni";
    public const string Node = "/usr/local/bin/vpc-cni-node";
    public const string Unit = "/etc/systemd/system/vpc-cni-node.service";
    public const string EnvDirectory = "/etc/vpc-cni";
    public const string EnvFile = "/etc/vpc-cni/vpc-cni.env";
    public const string CniConfig = "/etc/cni/net.d/10-aws.conflist";

    /// <summary><paramref name="nodePath"/> under <paramref name="root"/>.</summary>
    public static string Under(string root, string nodePath) => Path.Join(root, nodePath);
}
