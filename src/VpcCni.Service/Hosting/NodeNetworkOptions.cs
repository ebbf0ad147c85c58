using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;

namespace VpcCni.Service.Hosting;

/// <summary>
/// Facts about the node and its VPC that the gRPC replies carry (configuration section
/// <c>NodeNetwork</c>). For now they come from configuration; the node-initialisation work will
/// fill them from instance metadata and the effective settings at start-up.
/// </summary>
public sealed class NodeNetworkOptions : IValidatableObject
{
    /// <summary>The configuration section bound to this class.</summary>
    public const string SectionName = "NodeNetwork";

    /// <summary>The network-policy modes the plugin and the policy agent understand; empty means "no agent".</summary>
    public static IReadOnlyList<string> NetworkPolicyModes { get; } = ["", "none", "strict", "standard"];

    /// <summary>SNAT is done outside the node (AddNetworkReply.UseExternalSNAT).</summary>
    public bool UseExternalSnat { get; set; }

    /// <summary>IPv4 CIDRs the plugin treats as the VPC for pod routing and SNAT exclusion (AddNetworkReply.VPCv4CIDRs).</summary>
    public IList<string> VpcV4Cidrs { get; } = [];

    /// <summary>
    /// Network-policy mode announced to the plugin and the policy agent: empty, <c>none</c>,
    /// <c>strict</c> or <c>standard</c>. A non-empty mode makes the plugin call the agent on ADD.
    /// </summary>
    public string NetworkPolicyMode { get; set; } = string.Empty;

    /// <summary>Pods may ask for one interface per network card.</summary>
    public bool MultiNicEnabled { get; set; }

    /// <summary>The node's primary IPv4 address, handed to the network-policy agent.</summary>
    public string NodeIpv4 { get; set; } = string.Empty;

    /// <summary>The node's primary IPv6 address, when the cluster is IPv6.</summary>
    public string NodeIpv6 { get; set; } = string.Empty;

    /// <summary>EC2 instance id of the node.</summary>
    public string InstanceId { get; set; } = string.Empty;

    /// <summary>AWS region of the node.</summary>
    public string Region { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var cidr in VpcV4Cidrs)
        {
            if (!IPNetwork.TryParse(cidr, out var network) || network.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
            {
                yield return new ValidationResult($"NodeNetwork:VpcV4Cidrs entry '{cidr}' is not an IPv4 CIDR.", [nameof(VpcV4Cidrs)]);
            }
        }

        if (!NetworkPolicyModes.Contains(NetworkPolicyMode, StringComparer.Ordinal))
        {
            yield return new ValidationResult(
                $"NodeNetwork:NetworkPolicyMode '{NetworkPolicyMode}' must be empty, none, strict or standard.", [nameof(NetworkPolicyMode)]);
        }

        if (NodeIpv4.Length > 0 && (!IPAddress.TryParse(NodeIpv4, out var v4) || v4.AddressFamily != AddressFamily.InterNetwork))
        {
            yield return new ValidationResult($"NodeNetwork:NodeIpv4 '{NodeIpv4}' is not an IPv4 address.", [nameof(NodeIpv4)]);
        }

        if (NodeIpv6.Length > 0 && (!IPAddress.TryParse(NodeIpv6, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6))
        {
            yield return new ValidationResult($"NodeNetwork:NodeIpv6 '{NodeIpv6}' is not an IPv6 address.", [nameof(NodeIpv6)]);
        }
    }
}
