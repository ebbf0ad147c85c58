using System.Net;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>What the plugin knows when it wires one pod interface (CNI spec, "ADD": CNI_NETNS, CNI_IFNAME and the Kubernetes args).</summary>
/// <param name="PodNamespace">Kubernetes namespace (K8S_POD_NAMESPACE).</param>
/// <param name="PodName">Pod name (K8S_POD_NAME).</param>
/// <param name="NetnsPath">The pod's network namespace (CNI_NETNS).</param>
/// <param name="ContainerInterface">CNI_IFNAME, e.g. eth0.</param>
/// <param name="PodIp">The pod address (assigned as /32).</param>
/// <param name="RouteTable">The ENI's table: 254 (main) for the primary ENI, d + 1 for device d.</param>
/// <param name="Mtu">Pod MTU (conflist <c>mtu</c>).</param>
/// <param name="VethPrefix">Host veth prefix (<c>eni</c>).</param>
/// <param name="InterfaceIndex">0 for the pod's first interface; i &gt; 0 for multi-NIC extras.</param>
public sealed record PodNetworkRequest(
    string PodNamespace,
    string PodName,
    string NetnsPath,
    string ContainerInterface,
    IPAddress PodIp,
    int RouteTable = RouteTables.Main,
    int Mtu = 9001,
    string VethPrefix = VethNames.DefaultPrefix,
    int InterfaceIndex = 0)
{
    /// <summary>The host-side veth name.</summary>
    public string HostVeth => VethNames.HostVeth(VethPrefix, PodNamespace, PodName, InterfaceIndex);

    /// <summary>The pod-side interface name.</summary>
    public string PodInterface => VethNames.ContainerInterface(ContainerInterface, InterfaceIndex);

    /// <summary>The pod's gateway: 169.254.1.(i+1), answered by the host veth via a static ARP entry.</summary>
    public IPAddress Gateway => new([169, 254, 1, checked((byte)(InterfaceIndex + 1))]);
}
