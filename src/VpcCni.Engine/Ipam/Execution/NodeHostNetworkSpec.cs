using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Linux.PacketFilter;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>
/// What <see cref="INodeHostNetwork.SetupAsync"/> sets up: the node-wide rules and kernel settings,
/// and the packet filter. The primary interface of both is the link that carries
/// <paramref name="PrimaryMac"/>; the real implementation looks it up and fills it in, as upstream's
/// <c>SetupHostNetwork</c> finds the primary link by MAC.
/// </summary>
/// <param name="PrimaryMac">The primary ENI's MAC address (instance metadata <c>mac</c>).</param>
/// <param name="HostRules">Rules 1024 and 1535, the local-table move, <c>rp_filter</c> and TCP early demux.</param>
/// <param name="PacketFilter">The SNAT, connmark and NodePort rules (docs/snat.md).</param>
public sealed record NodeHostNetworkSpec(PhysicalAddress PrimaryMac, HostRulesSpec HostRules, PacketFilterOptions PacketFilter)
{
    /// <summary>
    /// The spec a node with <paramref name="settings"/> needs: the variables of docs/snat.md and
    /// docs/dataplane.md, the VPC's IPv4 CIDR blocks and the node's primary IPv4 address from
    /// instance metadata (<see cref="IPAddress.None"/> when it has none, which the packet filter
    /// refuses unless the node runs in IPv6 mode).
    /// </summary>
    public static NodeHostNetworkSpec From(VpcCniSettings settings, PhysicalAddress primaryMac, IPAddress? primaryIpv4, IReadOnlyList<IPNetwork> vpcCidrs)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(vpcCidrs);
        var networking = settings.Networking;
        var custom = settings.CustomNetworking;
        var rules = new HostRulesSpec(
            NodePortSupport: networking.NodePortSupport,
            ExternalSnat: networking.ExternalSnat,
            ExternalServiceCidrs: networking.ExternalServiceCidrs,
            SgpStrict: custom.EnablePodEni && custom.PodSecurityGroupEnforcingMode == PodSecurityGroupEnforcingMode.Strict,
            ConnmarkMask: networking.Connmark,
            DisableTcpEarlyDemux: networking.DisableTcpEarlyDemux);
        var packetFilter = new PacketFilterOptions
        {
            VpcCidrs = [.. vpcCidrs.Where(c => c.BaseAddress.AddressFamily == AddressFamily.InterNetwork)],
            ExcludedSnatCidrs = networking.ExcludeSnatCidrs,
            NodePrimaryIpv4 = primaryIpv4 ?? IPAddress.None,
            ExternalSnat = networking.ExternalSnat,
            Randomization = networking.RandomizeSnat,
            NodePortSupport = networking.NodePortSupport,
            ConnmarkMark = networking.Connmark,
            VethPrefix = networking.VethPrefix,
            Ipv6Mode = networking.EnableIpv6,
        };
        return new NodeHostNetworkSpec(primaryMac, rules, packetFilter);
    }
}
