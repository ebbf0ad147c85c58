using Microsoft.Extensions.Logging;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.PacketFilter;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Service.Node;

/// <summary>
/// The engine's kernel adapters of a real node, over one rtnetlink socket in the service's own
/// network namespace: the host side of ENIs and the node-wide host network. Built only when the host
/// network is programmed (<see cref="NodeHostNetworkOptions.Simulated"/> off).
/// </summary>
internal sealed class LinuxHostAdapters : IDisposable
{
    private const string HostNamespace = "/proc/self/ns/net";

    private readonly RtNetlink _netlink = RtNetlink.Open();
    private readonly LinuxPacketFilter _packetFilter;

    public LinuxHostAdapters(TimeProvider time, int eniMtu, ILoggerFactory loggers)
    {
        var netNs = new NetNs();
        var sysctl = new ProcSysctl();
        Enis = new HostEniNetwork(_netlink, netNs, sysctl, HostNamespace, time, new HostNetworkOptions { EniMtu = eniMtu }, loggers.CreateLogger<HostEniNetwork>());
        _packetFilter = new LinuxPacketFilter(new CommandRunner(), loggers.CreateLogger<LinuxPacketFilter>());
        Node = new LinuxNodeHostNetwork(Enis, _packetFilter,
            new PodNetworkWiring(netNs, sysctl, _netlink, HostNamespace, loggers.CreateLogger<PodNetworkWiring>()),
            loggers.CreateLogger<LinuxNodeHostNetwork>());
    }

    /// <summary>Links, tables and rules of the ENIs.</summary>
    public HostEniNetwork Enis { get; }

    /// <summary>Kernel settings, node rules, SNAT and connmark, and the restored pods' rules.</summary>
    public LinuxNodeHostNetwork Node { get; }

    public void Dispose()
    {
        _packetFilter.Dispose();
        _netlink.Dispose();
    }
}
