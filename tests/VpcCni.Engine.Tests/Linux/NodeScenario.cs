using System.Net;
using System.Net.NetworkInformation;
using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Tests.Linux;

/// <summary>
/// A throwaway "node": a <c>vpc</c> namespace playing the VPC router, a <c>node</c> namespace with two
/// ENIs (eth0 primary 10.0.0.10/24, eth1 secondary with a fixed MAC, subnet 10.0.1.0/24) and two pod
/// namespaces. The ENIs are veth pairs into the vpc namespace rather than dummy links, because the CI
/// kernel has no dummy driver and because a real far end lets traffic leave through the ENI tables.
/// </summary>
public sealed class NodeScenario : IDisposable
{
    public static readonly PhysicalAddress Eth0Mac = PhysicalAddress.Parse("02-00-0a-00-00-0a");
    public static readonly PhysicalAddress Eth1Mac = PhysicalAddress.Parse("02-00-0a-00-01-0a");

    public NodeScenario()
    {
        Vpc = Namespaces.Create("vpc");
        Node = Namespaces.Create("node");
        PodA = Namespaces.Create("poda");
        PodB = Namespaces.Create("podb");
        VpcNetlink = Namespaces.Open(Vpc);
        NodeNetlink = Namespaces.Open(Node);
        using var nodeHandle = Namespaces.NetNs.Open(Node);
        VpcNetlink.CreateVeth("vpc0", "eth0", 1500, Eth0Mac, nodeHandle);
        VpcNetlink.CreateVeth("vpc1", "eth1", 1500, Eth1Mac, nodeHandle);
        foreach (var (name, gw) in new[] { ("vpc0", "10.0.0.1"), ("vpc1", "10.0.1.1") })
        {
            var link = VpcNetlink.FindLinkByName(name)!;
            VpcNetlink.AddAddress(link.Index, IPAddress.Parse(gw), 24);
            VpcNetlink.SetUp(link.Index);
        }

        // The VPC delivers a secondary IP to the ENI that owns it.
        VpcNetlink.AddRoute(new RouteEntry(IPNetwork.Parse("10.0.0.20/32"), IPAddress.Parse("10.0.0.10"), null));
        VpcNetlink.AddRoute(new RouteEntry(IPNetwork.Parse("10.0.1.20/32"), IPAddress.Parse("10.0.1.10"), null));
        var eth0 = NodeNetlink.FindLinkByName("eth0")!;
        NodeNetlink.AddAddress(eth0.Index, IPAddress.Parse("10.0.0.10"), 24);
        NodeNetlink.SetUp(eth0.Index);
        NodeNetlink.SetUp(NodeNetlink.FindLinkByName("lo")!.Index);

        // What the init container does on a node: forward between the ENIs and the pod veths.
        Namespaces.NetNs.Run(Node, () => { new ProcSysctl().Write("net/ipv4/ip_forward", "1"); return 0; });
        Pods = new PodNetworkWiring(Namespaces.NetNs, new ProcSysctl(), NodeNetlink, Node, NullLogger<PodNetworkWiring>.Instance);
    }

    public ThrowawayNamespaces Namespaces { get; } = new();

    public string Vpc { get; }

    public string Node { get; }

    public string PodA { get; }

    public string PodB { get; }

    public RtNetlink VpcNetlink { get; }

    public RtNetlink NodeNetlink { get; }

    public PodNetworkWiring Pods { get; }

    public static EniNetworkSpec PrimaryEni => new(Eth0Mac, IPAddress.Parse("10.0.0.10"), IPNetwork.Parse("10.0.0.0/24"), 0, IsPrimary: true);

    public static EniNetworkSpec SecondaryEni => new(Eth1Mac, IPAddress.Parse("10.0.1.10"), IPNetwork.Parse("10.0.1.0/24"), 1);

    public PodNetworkRequest PodARequest => new("default", "pod-a", PodA, "eth0", IPAddress.Parse("10.0.0.20"));

    public PodNetworkRequest PodBRequest => new("default", "pod-b", PodB, "eth0", IPAddress.Parse("10.0.1.20"), RouteTable: SecondaryEni.RouteTable);

    public HostEniNetwork HostEnis(TimeProvider? time = null) =>
        new(NodeNetlink, Namespaces.NetNs, new ProcSysctl(), Node, time ?? TimeProvider.System, new HostNetworkOptions { EniMtu = 9001 }, NullLogger<HostEniNetwork>.Instance);

    /// <summary>One real ICMP echo from inside a namespace (a raw socket opened on the namespace's thread).</summary>
    public IPStatus Ping(string fromNamespace, string to) =>
        Namespaces.NetNs.Run(fromNamespace, () =>
        {
            using var ping = new Ping();
            var reply = ping.Send(IPAddress.Parse(to), 2000);
            return reply.Status == IPStatus.Success ? reply.Status : ping.Send(IPAddress.Parse(to), 2000).Status;
        });

    /// <summary>Reads a kernel parameter inside <paramref name="namespacePath"/>.</summary>
    public string ReadSysctl(string namespacePath, string key) =>
        Namespaces.NetNs.Run(namespacePath, () => new ProcSysctl().Read(key));

    /// <summary>Writes a kernel parameter inside <paramref name="namespacePath"/>.</summary>
    public void WriteSysctl(string namespacePath, string key, string value) =>
        Namespaces.NetNs.Run(namespacePath, () => { new ProcSysctl().Write(key, value); return 0; });

    public void Dispose()
    {
        NodeNetlink.Dispose();
        VpcNetlink.Dispose();
        Namespaces.Dispose();
    }
}
