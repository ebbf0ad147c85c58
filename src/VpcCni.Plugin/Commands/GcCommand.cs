using System.Net;
using Grpc.Core;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Introspection;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Engine.Rpc;
using VpcCni.Plugin.Backend;
using VpcCni.Plugin.Cni;
using VpcCni.Plugin.Logging;

namespace VpcCni.Plugin.Commands;

/// <summary>
/// GC (CNI spec, "GC"): releases every allocation of this network whose (container id, interface) the
/// runtime does not list in <c>cni.dev/attachments</c>. The service's <c>/v1/pods</c> view lists the
/// allocations; each stale one is released with DelNetwork (reason <c>GC</c>), and its host rules are
/// removed when no interface routes its address any more.
/// </summary>
internal sealed class GcCommand(CommandContext context)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var attachments = context.Conf.Attachments
            ?? throw new CniException(CniErrorCodes.InvalidNetworkConfig, ErrorIds.Plugin.InvalidConfig, "GC needs cni.dev/attachments, the list of attachments that are still valid.");
        var valid = attachments.Select(a => (a.ContainerId ?? string.Empty, a.IfName ?? string.Empty)).ToHashSet();

        IReadOnlyList<NodePodAllocation> pods;
        try
        {
            pods = await new IntrospectionClient(context.Conf.IntrospectionAddress, timeProvider: context.Host.Time).GetPodsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (VpcCniException e) when (e.ErrorId.StartsWith("Introspection.", StringComparison.Ordinal))
        {
            throw new CniException(CniErrorCodes.TryAgainLater, ErrorIds.Plugin.GcListingFailed, $"GC could not list the service's allocations on {context.Conf.IntrospectionAddress}: {e.Message}", e);
        }

        var stale = pods.Where(p => p.NetworkName == context.Conf.Name && !valid.Contains((p.ContainerId, p.IfName))).ToList();
        using var ipam = new IpamBackend(context.Conf.IpamSocket, context.Host.Time);
        using var dataplane = new PodDataplane(context);
        foreach (var pod in stale)
        {
            await ReleaseAsync(ipam, dataplane, pod, cancellationToken).ConfigureAwait(false);
        }

        var kept = pods.Count(p => p.NetworkName == context.Conf.Name) - stale.Count;
        PluginLog.GcDone(context.Logger, context.Conf.Name, kept, stale.Count);
    }

    private async Task ReleaseAsync(IpamBackend ipam, PodDataplane dataplane, NodePodAllocation pod, CancellationToken cancellationToken)
    {
        DelNetworkReply reply;
        try
        {
            reply = await ipam.DelAsync(
                new DelNetworkRequest
                {
                    K8SPODNAME = pod.PodName,
                    K8SPODNAMESPACE = pod.PodNamespace,
                    ContainerID = pod.ContainerId,
                    IfName = pod.IfName,
                    NetworkName = pod.NetworkName,
                    Reason = IpamBackend.GarbageCollected,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw IpamBackend.Unavailable(e, "DelNetwork");
        }

        foreach (var meta in reply.IPAllocationMetadata)
        {
            if (IPAddress.TryParse(meta.IPv4Addr, out var address))
            {
                PluginLog.GcReleased(context.Logger, meta.IPv4Addr, pod.ContainerId, pod.IfName);

                // No namespace: the sandbox is gone, so only rules whose address nobody routes are removed.
                dataplane.Pods.TeardownIfOwned(new PodNetworkRequest(pod.PodNamespace, pod.PodName, string.Empty, pod.IfName, address, meta.RouteTableId == 0 ? RouteTables.Main : meta.RouteTableId));
            }
        }
    }
}
