using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Cluster;
using VpcCni.Service.Hosting;
using VpcCni.Service.Metrics;
using VpcCni.Service.Node;
using VpcCni.Service.SecurityGroups;

namespace VpcCni.Service.Rpc;

/// <summary>
/// <c>rpc.CNIBackend</c>: the plugin's ADD and DEL, answered from the IPAM datastore of network
/// card 0. Semantics follow upstream's <c>pkg/ipamd/rpc_handler.go</c> (<c>AddNetwork</c>,
/// <c>DelNetwork</c>), which upstream's plugin relies on; docs/service.md describes them.
/// </summary>
internal sealed class CniBackendService(
    IpamDatastore datastore,
    AddressWaiter waiter,
    IOptionsMonitor<NodeNetworkOptions> node,
    ICniRequestMetrics metrics,
    BranchEniBackend branches,
    PodIpAnnotations annotations,
    ILogger<CniBackendService> logger) : CNIBackend.CNIBackendBase
{
    public override async Task<AddNetworkReply> AddNetwork(AddNetworkRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var key = new IpamKey(
            RequestFields.Require(request.NetworkName, nameof(AddNetworkRequest), nameof(request.NetworkName)),
            RequestFields.Require(request.ContainerID, nameof(AddNetworkRequest), nameof(request.ContainerID)),
            RequestFields.Require(request.IfName, nameof(AddNetworkRequest), nameof(request.IfName)));
        ServiceLog.AddNetworkReceived(logger, key, request.K8SPODNAMESPACE, request.K8SPODNAME, request.ClientVersion);
        metrics.AddNetworkRequested();
        var settings = node.CurrentValue;
        var reply = new AddNetworkReply
        {
            UseExternalSNAT = settings.UseExternalSnat,
            NetworkPolicyMode = settings.NetworkPolicyMode,
        };
        reply.VPCv4CIDRs.AddRange(settings.VpcV4Cidrs);
        var deadline = Deadline(context);

        // Security groups for pods: a pod with a branch ENI is answered from its annotation, never from the pool.
        if (await branches.TryAnswerAddAsync(request, reply, deadline, context.CancellationToken).ConfigureAwait(false))
        {
            return reply;
        }

        IpAssignment assignment;
        try
        {
            // An empty pool makes the call wait a while for the pool to grow (NodeLoop:AddNetworkWait), within its deadline.
            assignment = await waiter.AssignAsync(key, new IpamMetadata(request.K8SPODNAMESPACE, request.K8SPODNAME), deadline, context.CancellationToken)
                .ConfigureAwait(false);
        }
        catch (VpcCniException ex) when (ex.ErrorId == ErrorIds.Ipam.NoAvailableAddress)
        {
            // Upstream answers an empty pool with Success=false rather than an RPC error, and its
            // plugin turns that into a failed ADD that the kubelet retries; the pool keeps growing.
            ServiceLog.AddNetworkNoAddress(logger, key, ex.Message);
            metrics.NoAddressAvailable();
            reply.Success = false;
            return reply;
        }

        ServiceLog.AddNetworkAnswered(logger, key, assignment.Address, assignment.DeviceNumber, assignment.RouteTableId, assignment.WasAlreadyAssigned);
        metrics.AddressAssigned(assignment.WasAlreadyAssigned);
        await annotations.AddedAsync(request.K8SPODNAMESPACE, request.K8SPODNAME, assignment.Address, context.CancellationToken).ConfigureAwait(false);
        reply.Success = true;
        reply.IPAllocationMetadata.Add(new IPAllocationMetadata
        {
            IPv4Addr = assignment.Address.ToString(),
            DeviceNumber = assignment.DeviceNumber,
            RouteTableId = assignment.RouteTableId,
        });
        return reply;
    }

    public override async Task<DelNetworkReply> DelNetwork(DelNetworkRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var key = new IpamKey(
            RequestFields.Require(request.NetworkName, nameof(DelNetworkRequest), nameof(request.NetworkName)),
            RequestFields.Require(request.ContainerID, nameof(DelNetworkRequest), nameof(request.ContainerID)),
            RequestFields.Require(request.IfName, nameof(DelNetworkRequest), nameof(request.IfName)));
        ServiceLog.DelNetworkReceived(logger, key, request.Reason, request.ClientVersion);
        metrics.DelNetworkRequested(request.Reason);
        var reply = new DelNetworkReply { Success = true, NetworkPolicyMode = node.CurrentValue.NetworkPolicyMode };
        try
        {
            var release = await datastore.UnassignAsync(key, context.CancellationToken).ConfigureAwait(false);
            ServiceLog.DelNetworkReleased(logger, key, release.Address);
            await annotations.DeletedAsync(request.K8SPODNAMESPACE, request.K8SPODNAME, release.Address, context.CancellationToken).ConfigureAwait(false);
            reply.IPAllocationMetadata.Add(new IPAllocationMetadata
            {
                IPv4Addr = release.Address.ToString(),
                DeviceNumber = release.DeviceNumber,
                RouteTableId = release.RouteTableId,
            });
        }
        catch (UnknownPodException)
        {
            // CNI DEL must succeed when there is nothing left to delete (CNI spec, "DEL"): the
            // runtime repeats DEL, and the plugin then tears down from its prevResult if it has one.
            ServiceLog.DelNetworkUnknownPod(logger, key);

            // A branch-ENI pod never had a pool address: its annotation names the VLAN to remove.
            await branches.AnswerUnknownDelAsync(request, reply, Deadline(context), context.CancellationToken).ConfigureAwait(false);
        }

        return reply;
    }

    private static DateTimeOffset Deadline(ServerCallContext context) =>
        context.Deadline == DateTime.MaxValue ? DateTimeOffset.MaxValue : new DateTimeOffset(context.Deadline, TimeSpan.Zero);
}
