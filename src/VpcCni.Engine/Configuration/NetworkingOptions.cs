using System.Net;

namespace VpcCni.Engine.Configuration;

/// <summary>Host networking, SNAT, MTU, veth naming and address-family settings (docs/configuration.md).</summary>
public sealed class NetworkingOptions
{
    /// <summary><c>AWS_VPC_K8S_CNI_EXTERNALSNAT</c>: no SNAT and no connmark rules on the node.</summary>
    public bool ExternalSnat { get; set; }

    /// <summary><c>AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS</c>: IPv4 destinations that keep the pod source IP.</summary>
    public IReadOnlyList<IPNetwork> ExcludeSnatCidrs { get; set; } = [];

    /// <summary><c>AWS_VPC_K8S_CNI_RANDOMIZESNAT</c>.</summary>
    public SnatRandomization RandomizeSnat { get; set; } = SnatRandomization.Prng;

    /// <summary><c>AWS_VPC_CNI_NODE_PORT_SUPPORT</c>: install the NodePort connmark rules.</summary>
    public bool NodePortSupport { get; set; } = true;

    /// <summary><c>AWS_VPC_K8S_CNI_CONNMARK</c>: the connection mark and mask (a 32-bit netfilter mark).</summary>
    public uint Connmark { get; set; } = 0x80;

    /// <summary><c>AWS_EXTERNAL_SERVICE_CIDRS</c>: IPv4 destinations always routed through the main table.</summary>
    public IReadOnlyList<IPNetwork> ExternalServiceCidrs { get; set; } = [];

    /// <summary><c>AWS_VPC_ENI_MTU</c>: MTU of the primary and secondary ENI links.</summary>
    public int EniMtu { get; set; } = 9001;

    /// <summary><c>POD_MTU</c>: MTU of the pod veth pair; null means "same as <see cref="EniMtu"/>".</summary>
    public int? PodMtu { get; set; }

    /// <summary>The pod MTU that applies.</summary>
    public int EffectivePodMtu => PodMtu ?? EniMtu;

    /// <summary><c>AWS_VPC_K8S_CNI_VETHPREFIX</c>: prefix of host-side veth names.</summary>
    public string VethPrefix { get; set; } = "eni";

    /// <summary><c>ENABLE_IPv4</c>: IPv4 pod addresses. Our default is true (upstream code: false).</summary>
    public bool EnableIpv4 { get; set; } = true;

    /// <summary><c>ENABLE_IPv6</c>: IPv6 pod addresses (needs prefix delegation).</summary>
    public bool EnableIpv6 { get; set; }

    /// <summary><c>ENABLE_V6_EGRESS</c>: IPv6 egress for pods of an IPv4 cluster.</summary>
    public bool EnableV6Egress { get; set; }

    /// <summary><c>ENABLE_V4_EGRESS</c>: IPv4 egress for pods of an IPv6 cluster.</summary>
    public bool EnableV4Egress { get; set; } = true;

    /// <summary><c>DISABLE_POD_V6</c>: chain the tuning plugin to turn IPv6 off inside pods.</summary>
    public bool DisablePodV6 { get; set; }

    /// <summary><c>ENABLE_BANDWIDTH_PLUGIN</c>: chain the bandwidth plugin.</summary>
    public bool EnableBandwidthPlugin { get; set; }

    /// <summary><c>DISABLE_TCP_EARLY_DEMUX</c>: set <c>net.ipv4.tcp_early_demux=0</c> (kubelet probes under SGP).</summary>
    public bool DisableTcpEarlyDemux { get; set; }
}
