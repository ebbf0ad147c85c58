using System.ComponentModel.DataAnnotations;
using System.Text;
using VpcCni.Service.Rpc;

namespace VpcCni.Service.Cni;

/// <summary>
/// The CNI network configuration the service writes once the node is ready (configuration section
/// <c>CniConfig</c>; docs/cni-config.md). The kubelet and the container runtime take the first
/// configuration file of the directory (libcni <c>ConfFiles</c>, sorted by name), so the default
/// keeps upstream's name, <c>10-aws.conflist</c>.
/// </summary>
public sealed class CniConfigOptions : IValidatableObject
{
    /// <summary>The configuration section bound to this class.</summary>
    public const string SectionName = "CniConfig";

    /// <summary>The extension libcni reads a network configuration list from; <c>.conf</c> and <c>.json</c> hold a single network.</summary>
    public const string ListExtension = ".conflist";

    /// <summary>The default directory, the kubelet's and containerd's default <c>--cni-conf-dir</c>.</summary>
    public const string DefaultDirectory = "/etc/cni/net.d";

    /// <summary>Upstream's file name (upstream <c>cmd/aws-vpc-cni/main.go</c>, <c>awsConflistFile</c>).</summary>
    public const string DefaultFileName = "10-aws.conflist";

    /// <summary>The network-policy agent's socket, which upstream's plugin dials at a fixed path.</summary>
    public const string DefaultNetworkPolicySocket = "/var/run/aws-node/npa.sock";

    /// <summary>Write the file at all. Off for a node whose CNI configuration is managed by something else.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Absolute path of the directory, default <c>/etc/cni/net.d</c>; when this key is not configured,
    /// upstream's <c>HOST_CNI_CONFDIR_PATH</c> decides (<see cref="CniConfigOptionsSetup"/>).
    /// </summary>
    [Required]
    public string Directory { get; set; } = DefaultDirectory;

    /// <summary>The file's name inside <see cref="Directory"/>, ending in <c>.conflist</c>.</summary>
    [Required]
    public string FileName { get; set; } = DefaultFileName;

    /// <summary>The network-policy agent's socket, written into the file for the plugin (<c>networkPolicySocket</c>).</summary>
    [Required]
    public string NetworkPolicySocket { get; set; } = DefaultNetworkPolicySocket;

    /// <summary>
    /// Set by <see cref="CniConfigOptionsSetup"/>: the directory was chosen by <c>CniConfig:Directory</c> or
    /// <c>HOST_CNI_CONFDIR_PATH</c> rather than left at its default.
    /// </summary>
    internal bool DirectoryConfigured { get; set; }

    /// <summary>The file's full path.</summary>
    public string FilePath => System.IO.Path.Combine(Directory, FileName);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(Directory) && !System.IO.Path.IsPathFullyQualified(Directory))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(Directory)} '{Directory}' must be an absolute path.", [nameof(Directory)]);
        }

        if (!string.IsNullOrEmpty(FileName) && !IsListFileName(FileName))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(FileName)} '{FileName}' must be a file name without '/' that ends in {ListExtension}, such as {DefaultFileName}; " +
                "libcni reads a network list only from such a file.",
                [nameof(FileName)]);
        }

        if (!string.IsNullOrEmpty(NetworkPolicySocket)
            && (!System.IO.Path.IsPathFullyQualified(NetworkPolicySocket) || Encoding.UTF8.GetByteCount(NetworkPolicySocket) > IpamSocketOptions.MaxPathBytes))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(NetworkPolicySocket)} '{NetworkPolicySocket}' must be an absolute path of at most {IpamSocketOptions.MaxPathBytes} bytes.",
                [nameof(NetworkPolicySocket)]);
        }
    }

    private static bool IsListFileName(string name) =>
        name.Length > ListExtension.Length
        && name.EndsWith(ListExtension, StringComparison.Ordinal)
        && name.IndexOfAny(['/', '\0']) < 0
        && !name.StartsWith('.');
}
