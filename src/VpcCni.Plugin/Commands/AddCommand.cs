using System.Net;
using System.Net.NetworkInformation;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Engine.Rpc;
using VpcCni.Plugin.Backend;
using VpcCni.Plugin.Cni;
using VpcCni.Plugin.Logging;

namespace VpcCni.Plugin.Commands;

/// <summary>
/// ADD (CNI spec, "ADD"; upstream <c>cmd/routed-eni-cni-plugin/cni.go</c> <c>add</c>): ask the service for
/// the pod's addresses, wire them, ask the network-policy agent when the service names a mode, and
/// give the addresses back before failing when anything after the allocation fails.
/// </summary>
internal sealed class AddCommand(CommandContext context)
{
    private readonly ILogger _log = context.Logger;

    public async Task<CniResult> RunAsync(CancellationToken cancellationToken)
    {
        var pod = context.Pod;
        if (!pod.HasPod)
        {
            throw new CniException(CniErrorCodes.InvalidEnvironment, ErrorIds.Plugin.InvalidCniArgs, "CNI_ARGS must name the pod: K8S_POD_NAMESPACE and K8S_POD_NAME are required for ADD.");
        }

        // Checked before anything is allocated, so a sandbox that is already gone costs no address.
        if (!File.Exists(context.Env.Netns))
        {
            throw new CniException(CniErrorCodes.UnknownContainer, ErrorIds.Plugin.NetnsNotFound, $"CNI_NETNS {context.Env.Netns} does not exist.");
        }

        if (PodNetworkWiring.EffectiveMtu(context.Conf.Mtu) != context.Conf.Mtu)
        {
            PluginLog.MtuOutOfRange(_log, context.Conf.Mtu);
        }

        using var dataplane = new PodDataplane(context);
        var headStart = VethHeadStart.Start(dataplane, context);
        try
        {
            using var ipam = new IpamBackend(context.Conf.IpamSocket, context.Host.Time);
            return await AllocateAndWireAsync(ipam, dataplane, headStart, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A pair made ahead and not used (no address, a branch-ENI pod, a failure) goes before ADD answers.
            if (headStart is not null)
            {
                await headStart.DiscardAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<CniResult> AllocateAndWireAsync(IpamBackend ipam, PodDataplane dataplane, VethHeadStart? headStart, CancellationToken cancellationToken)
    {
        var pod = context.Pod;
        AddNetworkReply reply;
        try
        {
            reply = await ipam.AddAsync(Request(), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw IpamBackend.Unavailable(e, "AddNetwork");
        }

        if (!reply.Success)
        {
            throw new CniException(CniErrorCodes.TryAgainLater, ErrorIds.Plugin.NoAddressAvailable, $"The node service has no address for {pod.PodNamespace}/{pod.PodName} now; the pool is growing, try again later.");
        }

        var addresses = Addresses(reply);
        if (addresses is null)
        {
            await GiveBackAsync(ipam).ConfigureAwait(false);
            throw new CniException(CniErrorCodes.Internal, ErrorIds.Plugin.InvalidServiceReply, "AddNetwork succeeded without a usable IPv4 address; the allocation was given back.");
        }

        foreach (var (address, meta) in addresses)
        {
            PluginLog.AddressAssigned(_log, pod.PodNamespace, pod.PodName, address, meta.DeviceNumber, meta.RouteTableId, reply.PodVlanId);
        }

        LogSnat(reply, addresses[0].Address);
        var wired = new List<(PodNetworkRequest Request, PodWiringResult Wired)>();
        try
        {
            for (var i = 0; i < addresses.Count; i++)
            {
                var request = dataplane.Request(addresses[i].Address, addresses[i].Meta.RouteTableId, i);
                wired.Add((request, await WireAsync(dataplane, request, reply, i == 0 ? headStart : null).ConfigureAwait(false)));
            }

            await EnforcePolicyAsync(reply, addresses.Count, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Whatever failed after the allocation, the pod is unwired and the address given back before the error leaves.
            PluginLog.WiringFailed(_log, e, pod.PodNamespace, pod.PodName, addresses[0].Address);
            try
            {
                Unwire(dataplane, reply, wired);
            }
            finally
            {
                await GiveBackAsync(ipam).ConfigureAwait(false);
            }

            throw e as CniException ?? new CniException(CniErrorCodes.Internal, ErrorIds.Plugin.WiringFailed, $"Wiring {pod.PodNamespace}/{pod.PodName} failed: {e.Message}", e);
        }

        return AddResultBuilder.Build(context, reply, wired);
    }

    /// <summary>One interface: a branch-ENI pod's VLAN, or the veth pair (made ahead when <paramref name="headStart"/> has it) and its address.</summary>
    private async Task<PodWiringResult> WireAsync(PodDataplane dataplane, PodNetworkRequest request, AddNetworkReply reply, VethHeadStart? headStart)
    {
        if (reply.PodVlanId != 0)
        {
            // A branch-ENI pod the runtime's annotations did not announce: in standard mode its veth has the same names.
            if (headStart is not null)
            {
                await headStart.DiscardAsync().ConfigureAwait(false);
            }

            return dataplane.Branches.Setup(Branch(request, reply));
        }

        if (headStart is null)
        {
            return dataplane.Pods.Setup(request);
        }

        using var pair = await headStart.TakeAsync().ConfigureAwait(false);
        return dataplane.Pods.Setup(request, pair);
    }

    private AddNetworkRequest Request() => new()
    {
        K8SPODNAME = context.Pod.PodName,
        K8SPODNAMESPACE = context.Pod.PodNamespace,
        K8SPODINFRACONTAINERID = context.Pod.InfraContainerId,
        Netns = context.Env.Netns,
        ContainerID = context.Env.ContainerId,
        IfName = context.Env.IfName,
        NetworkName = context.Conf.Name,
        RequiresMultiNICAttachment = context.Conf.RequiresMultiNicAttachment,
    };

    private static List<(IPAddress Address, IPAllocationMetadata Meta)>? Addresses(AddNetworkReply reply)
    {
        var list = new List<(IPAddress, IPAllocationMetadata)>();
        foreach (var meta in reply.IPAllocationMetadata)
        {
            if (!IPAddress.TryParse(meta.IPv4Addr, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                return null;
            }

            list.Add((address, meta));
        }

        return list.Count == 0 ? null : list;
    }

    private BranchEniRequest Branch(PodNetworkRequest request, AddNetworkReply reply) => new(
        request,
        reply.PodVlanId,
        PhysicalAddress.Parse(reply.PodENIMAC.Replace(':', '-')),
        reply.ParentIfIndex,
        IPAddress.Parse(reply.PodENISubnetGW),
        context.Conf.PodSgMode);

    /// <summary>Every ADD says on a line with the word SNAT whether the node SNATs the pod's traffic (docs/snat.md).</summary>
    private void LogSnat(AddNetworkReply reply, IPAddress address)
    {
        var cidrs = reply.VPCv4CIDRs.Count == 0 ? "(none)" : string.Join(",", reply.VPCv4CIDRs);
        PluginLog.SnatDecision(_log, context.Pod.PodNamespace, context.Pod.PodName, address, reply.UseExternalSNAT ? "off" : "on", reply.UseExternalSNAT, cidrs);
    }

    private async Task EnforcePolicyAsync(AddNetworkReply reply, int interfaces, CancellationToken cancellationToken)
    {
        if (reply.NetworkPolicyMode.Length == 0)
        {
            PluginLog.PolicySkipped(_log);
            return;
        }

        var pod = context.Pod;
        try
        {
            using var np = await NetworkPolicyBackend.ConnectAsync(context.Conf.NetworkPolicySocket, context.Host.Time, cancellationToken).ConfigureAwait(false);
            var request = new EnforceNpRequest { K8SPODNAME = pod.PodName, K8SPODNAMESPACE = pod.PodNamespace, NETWORKPOLICYMODE = reply.NetworkPolicyMode, InterfaceCount = interfaces };
            if (!await np.EnforceAsync(request, cancellationToken).ConfigureAwait(false))
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, "EnforceNpToPod answered Success=false."));
            }
        }
        catch (RpcException e)
        {
            PluginLog.PolicyFailed(_log, e, pod.PodNamespace, pod.PodName);
            throw new CniException(CniErrorCodes.TryAgainLater, ErrorIds.Plugin.NetworkPolicyFailed, $"Network policy ({reply.NetworkPolicyMode}) could not be set up for {pod.PodNamespace}/{pod.PodName}: {e.Status.Detail}", e);
        }

        PluginLog.PolicyEnforced(_log, reply.NetworkPolicyMode, pod.PodNamespace, pod.PodName);
    }

    private static void Unwire(PodDataplane dataplane, AddNetworkReply reply, List<(PodNetworkRequest Request, PodWiringResult Wired)> wired)
    {
        foreach (var (request, _) in wired)
        {
            if (reply.PodVlanId != 0)
            {
                dataplane.Branches.Teardown(dataplane.BranchTeardown(request, reply.PodVlanId));
            }
            else
            {
                dataplane.Pods.Teardown(request);
            }
        }
    }

    /// <summary>Upstream's plugin gives the address back with reason SetupNSFailed; a failure here is logged, the service reclaims it later.</summary>
    private async Task GiveBackAsync(IpamBackend ipam)
    {
        try
        {
            var reply = await ipam.DelAsync(DelRequests.For(context, IpamBackend.SetupNsFailed), CancellationToken.None).ConfigureAwait(false);
            if (!reply.Success)
            {
                PluginLog.GiveBackFailed(_log, null, context.Env.ContainerId);
            }
        }
        catch (RpcException e)
        {
            PluginLog.GiveBackFailed(_log, e, context.Env.ContainerId);
        }
    }
}
