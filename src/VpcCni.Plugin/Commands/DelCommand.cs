using System.Net;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.Namespaces;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Engine.Rpc;
using VpcCni.Plugin.Backend;
using VpcCni.Plugin.Cni;
using VpcCni.Plugin.Logging;

namespace VpcCni.Plugin.Commands;

/// <summary>
/// DEL (CNI spec, "DEL"; upstream <c>cmd/routed-eni-cni-plugin/cni.go</c> <c>del</c>): idempotent, and it
/// never blocks a sandbox's teardown. Branch-ENI pods are torn down from prevResult alone; others
/// release their address first, and when the service cannot answer, are torn down from prevResult
/// and the DEL succeeds (the service reclaims the address when it is back). Only this sandbox's own
/// objects are removed: a newer sandbox of the same pod keeps its route and rules.
/// </summary>
internal sealed class DelCommand(CommandContext context)
{
    private readonly ILogger _log = context.Logger;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var prev = PrevResultView.From(context.Conf.PrevResult, context.Pod, context.Env.IfName);
        if (prev is { VlanId: not 0 })
        {
            TeardownBranch(prev);
            return;
        }

        using var dataplane = new PodDataplane(context);
        var podSide = RemovePodSideAhead(dataplane);
        DelNetworkReply? reply = null;
        try
        {
            using var ipam = new IpamBackend(context.Conf.IpamSocket, context.Host.Time);
            reply = await ipam.DelAsync(DelRequests.For(context, IpamBackend.PodDeleted), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (IsUnknownPod(e))
        {
            PluginLog.UnknownContainer(_log, context.Env.ContainerId);
        }
        catch (RpcException e)
        {
            PluginLog.ServiceDownOnDel(_log, e, context.Env.ContainerId);
        }
        catch
        {
            await podSide.ConfigureAwait(false);
            throw;
        }

        if (reply is { Success: true, IPAllocationMetadata.Count: > 0 })
        {
            // The service's word that these are this container's: the host side goes while the kernel still deletes the pair.
            TeardownReleased(dataplane, reply, podSideStarted: context.Env.Netns.Length > 0);
            await podSide.ConfigureAwait(false);
            await DeletePolicyAsync(reply.NetworkPolicyMode, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Without that word, ownership is read from the kernel, so the pair's deletion must be over first.
        await podSide.ConfigureAwait(false);
        if (reply is null)
        {
            TeardownOwned(dataplane, prev);
            return;
        }

        if (!reply.Success)
        {
            throw new CniException(CniErrorCodes.TryAgainLater, ErrorIds.Plugin.ReleaseRefused, $"The node service refused to release the address of container {context.Env.ContainerId} (Success=false).");
        }

        PluginLog.UnknownContainer(_log, context.Env.ContainerId);
        TeardownOwned(dataplane, prev);
        await DeletePolicyAsync(reply.NetworkPolicyMode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the pod-side end of the first interface's veth pair on its own thread while the service
    /// releases the address: the kernel's deletion is most of a DEL's time (docs/plugin.md, "Start-up").
    /// The end in this sandbox's own namespace is this sandbox's whatever the service answers, and its
    /// host route goes with it, which <see cref="PodNetworkWiring.TeardownIfOwned"/> reads as "ours".
    /// </summary>
    private Task RemovePodSideAhead(PodDataplane dataplane)
    {
        return context.Env.Netns.Length == 0
            ? Task.CompletedTask
            : dataplane.AheadOnFirstInterface((pods, request) => Tolerant(() => pods.RemovePodVeth(request)));
    }

    /// <summary>The service released these addresses of this container: their host objects are this sandbox's.</summary>
    private void TeardownReleased(PodDataplane dataplane, DelNetworkReply reply, bool podSideStarted)
    {
        var index = 0;
        foreach (var meta in reply.IPAllocationMetadata)
        {
            if (!IPAddress.TryParse(meta.IPv4Addr, out var address))
            {
                continue;
            }

            PluginLog.AddressReleased(_log, address, context.Env.ContainerId);
            var request = dataplane.Request(address, meta.RouteTableId, index++);
            Tolerant(() => (reply.PodVlanId, request.InterfaceIndex, podSideStarted) switch
            {
                (not 0, _, _) => dataplane.Branches.Teardown(dataplane.BranchTeardown(request, reply.PodVlanId)),
                (0, 0, true) => dataplane.Pods.TeardownHostSide(request),
                _ => dataplane.Pods.Teardown(request),
            });
        }
    }

    /// <summary>Without the service's word, only what provably belongs to this sandbox goes (PodNetworkWiring.TeardownIfOwned).</summary>
    private void TeardownOwned(PodDataplane dataplane, PrevResultView? prev)
    {
        if (prev is null)
        {
            PluginLog.NoPrevResult(_log, context.Env.ContainerId);
            return;
        }

        foreach (var attachment in prev.Interfaces)
        {
            Tolerant(() => dataplane.Pods.TeardownIfOwned(dataplane.Request(attachment.Address, attachment.RouteTable, attachment.Index)));
        }
    }

    /// <summary>Upstream's <c>tryDelWithPrevResult</c>: a branch-ENI pod's VLAN and rules need no service; without a netns there is nothing left.</summary>
    private void TeardownBranch(PrevResultView prev)
    {
        if (context.Env.Netns.Length > 0)
        {
            using var dataplane = new PodDataplane(context);
            var first = prev.Interfaces[0];
            Tolerant(() => dataplane.Branches.Teardown(dataplane.BranchTeardown(dataplane.Request(first.Address, first.RouteTable, 0), prev.VlanId)));
        }

        PluginLog.BranchTornDown(_log, context.Pod.PodNamespace, context.Pod.PodName, prev.VlanId);
    }

    /// <summary>A pod namespace that is gone or no namespace at all took the pod side with it: DEL still succeeds (null: skipped).</summary>
    private int? Tolerant(Func<int> teardown)
    {
        try
        {
            return teardown();
        }
        catch (NetNsException e)
        {
            PluginLog.PodSideSkipped(_log, e, context.Env.Netns);
            return null;
        }
    }

    private async Task DeletePolicyAsync(string mode, CancellationToken cancellationToken)
    {
        if (mode.Length == 0 || !context.Pod.HasPod)
        {
            return;
        }

        // Upstream logs a failure here and lets the DEL succeed: the agent cleans up on its own.
        try
        {
            using var np = await NetworkPolicyBackend.ConnectAsync(context.Conf.NetworkPolicySocket, context.Host.Time, cancellationToken).ConfigureAwait(false);
            var request = new DeleteNpRequest { K8SPODNAME = context.Pod.PodName, K8SPODNAMESPACE = context.Pod.PodNamespace };
            if (!await np.DeleteAsync(request, cancellationToken).ConfigureAwait(false))
            {
                PluginLog.PolicyDeleteFailed(_log, null, context.Pod.PodNamespace, context.Pod.PodName);
            }
        }
        catch (RpcException e)
        {
            PluginLog.PolicyDeleteFailed(_log, e, context.Pod.PodNamespace, context.Pod.PodName);
        }
    }

    /// <summary>The service answers an unknown pod with success and no address; a NOT_FOUND carrying Ipam.UnknownPod means the same.</summary>
    private static bool IsUnknownPod(RpcException e) =>
        e.StatusCode == StatusCode.NotFound && e.Trailers.GetValue("vpc-cni-error-id") == ErrorIds.Ipam.UnknownPod;
}
