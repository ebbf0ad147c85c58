using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// The inputs of the SNAT/connmark/NodePort rules (docs/snat.md, settings table). Defaults follow
/// upstream: prng randomisation, NodePort support on, mark 0x80, veth prefix <c>eni</c>.
/// </summary>
public sealed partial record PacketFilterOptions
{
    /// <summary>The VPC's IPv4 CIDR blocks (IMDS <c>vpc-ipv4-cidr-blocks</c>); traffic to them is never SNATed.</summary>
    public IReadOnlyList<IPNetwork> VpcCidrs { get; init; } = [];

    /// <summary><c>AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS</c>: further IPv4 destinations that skip SNAT and connmark.</summary>
    public IReadOnlyList<IPNetwork> ExcludedSnatCidrs { get; init; } = [];

    /// <summary>The primary IPv4 address of the primary ENI: the SNAT source.</summary>
    public IPAddress NodePrimaryIpv4 { get; init; } = IPAddress.None;

    /// <summary>The primary ENI's link name, matched by the NodePort rule.</summary>
    public string PrimaryInterface { get; init; } = "eth0";

    /// <summary><c>AWS_VPC_K8S_CNI_EXTERNALSNAT</c>: when true, no SNAT and no connmark rules exist.</summary>
    public bool ExternalSnat { get; init; }

    /// <summary><c>AWS_VPC_K8S_CNI_RANDOMIZESNAT</c>.</summary>
    public SnatRandomization Randomization { get; init; } = SnatRandomization.Prng;

    /// <summary><c>AWS_VPC_CNI_NODE_PORT_SUPPORT</c>: installs the mangle connmark rules for NodePort replies.</summary>
    public bool NodePortSupport { get; init; } = true;

    /// <summary><c>AWS_VPC_K8S_CNI_CONNMARK</c>: the connection mark, used as both value and mask.</summary>
    public uint ConnmarkMark { get; init; } = 0x80;

    /// <summary><c>AWS_VPC_K8S_CNI_VETHPREFIX</c>: host-side veth names start with this.</summary>
    public string VethPrefix { get; init; } = "eni";

    /// <summary>IPv6 mode: upstream installs no SNAT or connmark rules at all, so nothing is touched.</summary>
    public bool Ipv6Mode { get; init; }

    /// <summary>Forces a connmark backend; <c>null</c> detects it from <c>iptables --version</c> as upstream does.</summary>
    public ConnmarkBackend? ForcedConnmarkBackend { get; init; }

    /// <summary>The connmark value as iptables and nft print it (<c>0x80</c>).</summary>
    internal string MarkHex => "0x" + ConnmarkMark.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Rejects values that would render a wrong or unparseable rule; the message names the input and the accepted range.</summary>
    public void Validate()
    {
        if (IPv4Only(VpcCidrs, "VpcCidrs") is { } badVpc)
        {
            throw Invalid(ErrorIds.PacketFilter.InvalidSnatCidr, badVpc);
        }

        if (IPv4Only(ExcludedSnatCidrs, "ExcludedSnatCidrs") is { } badExcluded)
        {
            throw Invalid(ErrorIds.PacketFilter.InvalidSnatCidr, badExcluded);
        }

        if (!ExternalSnat && VpcCidrs.Count == 0)
        {
            // An empty list would SNAT traffic to the VPC too, hiding pod addresses from every peer.
            throw Invalid(ErrorIds.PacketFilter.MissingVpcCidrs, "VpcCidrs must hold at least one IPv4 CIDR while SNAT is on (ExternalSnat false).");
        }

        if (NodePrimaryIpv4.AddressFamily != AddressFamily.InterNetwork || NodePrimaryIpv4.Equals(IPAddress.None) || NodePrimaryIpv4.Equals(IPAddress.Any))
        {
            throw Invalid(ErrorIds.PacketFilter.InvalidNodeIp, $"NodePrimaryIpv4 '{NodePrimaryIpv4}' must be a unicast IPv4 address.");
        }

        if (!InterfaceName().IsMatch(PrimaryInterface ?? string.Empty))
        {
            throw Invalid(ErrorIds.PacketFilter.InvalidPrimaryInterface, $"PrimaryInterface '{PrimaryInterface}' must be 1-15 characters of letters, digits, '.', '_', '-' or '@'.");
        }

        if (!VethPrefixPattern().IsMatch(VethPrefix ?? string.Empty) || VethPrefix is "eth" or "lo" or "vlan")
        {
            throw Invalid(ErrorIds.PacketFilter.InvalidVethPrefix, $"VethPrefix '{VethPrefix}' must be 1-4 characters of letters, digits, '.', '_' or '-', and not 'eth', 'lo' or 'vlan'.");
        }

        if (ConnmarkMark == 0)
        {
            throw Invalid(ErrorIds.PacketFilter.InvalidConnmark, "ConnmarkMark must be between 0x1 and 0xffffffff.");
        }
    }

    private static string? IPv4Only(IReadOnlyList<IPNetwork> cidrs, string name)
    {
        ArgumentNullException.ThrowIfNull(cidrs);
        foreach (var cidr in cidrs)
        {
            if (cidr.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
            {
                return $"{name} entry '{cidr}' must be an IPv4 CIDR such as 10.0.0.0/16.";
            }
        }

        return null;
    }

    private static VpcCniException Invalid(string errorId, string message) =>
        new(VpcCniErrorCategory.InvalidArgument, errorId, message);

    [GeneratedRegex("^[A-Za-z0-9_.@-]{1,15}$")]
    private static partial Regex InterfaceName();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,4}$")]
    private static partial Regex VethPrefixPattern();
}
