using System.Net;
using System.Net.NetworkInformation;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Plugin.Commands;

/// <summary>The engine's pod wiring bound to the node's namespace, for one command.</summary>
internal sealed class PodDataplane : IDisposable
{
    public PodDataplane(CommandContext context)
    {
        var host = context.Host;
        Host = RtNetlink.OpenIn(host.NetNs, host.HostNamespacePath);
        Pods = new PodNetworkWiring(host.NetNs, new ProcSysctl(), Host, host.HostNamespacePath, context.Loggers.CreateLogger<PodNetworkWiring>());
        Branches = new BranchEniWiring(Host, Pods, host.HostNamespacePath, context.Loggers.CreateLogger<BranchEniWiring>());
        Context = context;
    }

    public RtNetlink Host { get; }

    public PodNetworkWiring Pods { get; }

    public BranchEniWiring Branches { get; }

    private CommandContext Context { get; }

    /// <summary>The wiring request of the pod's <paramref name="index"/>-th interface.</summary>
    public PodNetworkRequest Request(IPAddress address, int routeTable, int index) => new(
        Context.Pod.PodNamespace,
        Context.Pod.PodName,
        Context.Env.Netns,
        Context.Env.IfName,
        address,
        routeTable,
        Context.Conf.Mtu,
        Context.Conf.VethPrefix,
        index);

    /// <summary>
    /// Runs <paramref name="work"/> on the pod's first interface, whose address is not known yet (the
    /// work reads only names, namespace and MTU), on its own thread, so that the kernel's part of a
    /// command overlaps the node service's answer (docs/plugin.md, "Start-up").
    /// </summary>
    public Task<T> AheadOnFirstInterface<T>(Func<PodNetworkWiring, PodNetworkRequest, T> work)
    {
        var request = Request(IPAddress.Any, RouteTables.Main, 0);
        return Task.Factory.StartNew(() => work(Pods, request), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>A branch-ENI request for teardown, which needs only the pod, the VLAN id and the mode.</summary>
    public BranchEniRequest BranchTeardown(PodNetworkRequest request, int vlanId) =>
        new(request, vlanId, PhysicalAddress.None, 0, IPAddress.Any, Context.Conf.PodSgMode);

    public void Dispose() => Host.Dispose();
}
