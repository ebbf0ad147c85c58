using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Kubernetes;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Engine.Rpc;
using VpcCni.Engine.SecurityGroups;
using VpcCni.Service.Metrics;

namespace VpcCni.Service.SecurityGroups;

/// <summary>
/// AddNetwork and DelNetwork for pods with a branch ENI (security groups for pods; upstream
/// <c>pkg/ipamd/rpc_handler.go</c>, the <c>enablePodENI</c> branches of <c>AddNetwork</c> and
/// <c>DelNetwork</c>). A branch pod's address, VLAN and MAC come from its <c>vpc.amazonaws.com/pod-eni</c>
/// annotation, its VLAN parent is the trunk's host link; the datastore is never touched, so branch
/// pods never count in the warm pool. Everything else goes on to the datastore.
/// </summary>
internal sealed class BranchEniBackend(
    BranchPodLookup pods,
    TrunkEniTracker trunk,
    BranchEniWaits waits,
    ICniRequestMetrics metrics,
    TimeProvider time,
    IOptionsMonitor<VpcCniSettings> settings,
    ILogger<BranchEniBackend> logger)
{
    /// <summary>
    /// Answers <paramref name="reply"/> when the pod is (or is about to be) a branch pod and returns
    /// true; false sends the call on to the datastore.
    /// </summary>
    public async Task<bool> TryAnswerAddAsync(AddNetworkRequest request, AddNetworkReply reply, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reply);
        if (!settings.CurrentValue.CustomNetworking.EnablePodEni || !pods.Available)
        {
            return false;
        }

        var (ns, name) = (request.K8SPODNAMESPACE, request.K8SPODNAME);
        var arrived = time.GetUtcNow();
        var found = await pods.FindAsync(ns, name, deadline, cancellationToken).ConfigureAwait(false);
        if (found.Pod is not { } pod)
        {
            // Upstream answers a pod it cannot read with a failure too: an SGP pod must not get a pool address.
            PodEniLog.PodUnknown(logger, ns, name, found.Missing ?? "not found");
            reply.Success = false;
            return true;
        }

        if (!pod.Annotations.TryGetValue(PodEniAnnotation.Key, out var json))
        {
            if (!pod.RequestsPodEni)
            {
                return false;
            }

            PodEniLog.BranchNotYetAnnotated(logger, ns, name);
            waits.Refused(ns, name, arrived);
            reply.Success = false;
            return true;
        }

        PodEni eni;
        string address, gateway;
        try
        {
            eni = PodEniAnnotation.Parse(json)[0];
            var ipv4 = BranchEniRequestFactory.Ipv4Of(eni, $"{ns}/{name}");
            (address, gateway) = (ipv4.Address.ToString(), ipv4.Gateway.ToString());
        }
        catch (VpcCniException e)
        {
            PodEniLog.BadAnnotation(logger, ns, name, e.ErrorId, e.Message);
            reply.Success = false;
            return true;
        }

        if (trunk.TrunkLinkIndex is not { } parent)
        {
            PodEniLog.NoTrunkYet(logger, ns, name, eni.EniId);
            waits.Refused(ns, name, arrived);
            reply.Success = false;
            return true;
        }

        reply.Success = true;
        reply.PodVlanId = eni.VlanId;
        reply.PodENIMAC = string.Join(':', eni.Mac.GetAddressBytes().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        reply.PodENISubnetGW = gateway;
        reply.ParentIfIndex = parent;
        // The plugin routes the pod through table vlanId + 100 (BranchEniRequest.Table); saying so keeps its log and the reply in agreement.
        reply.IPAllocationMetadata.Add(new IPAllocationMetadata { IPv4Addr = address, RouteTableId = RouteTables.ForVlan(eni.VlanId) });
        PodEniLog.BranchAnswered(logger, ns, name, eni.EniId, eni.VlanId, address, gateway, parent);
        metrics.BranchEniAnswered(waits.Answered(ns, name, arrived));
        return true;
    }

    /// <summary>
    /// For a DelNetwork the datastore did not know: names the branch ENI's VLAN and address in
    /// <paramref name="reply"/> when the pod is a branch pod, so the plugin can remove its VLAN link.
    /// </summary>
    /// <exception cref="VpcCniException"><see cref="ErrorIds.SecurityGroupPolicy.PodUidMismatch"/>: the pod of that name is a newer one.</exception>
    public async Task AnswerUnknownDelAsync(DelNetworkRequest request, DelNetworkReply reply, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reply);
        if (!settings.CurrentValue.CustomNetworking.EnablePodEni || !pods.Available)
        {
            return;
        }

        var (ns, name) = (request.K8SPODNAMESPACE, request.K8SPODNAME);
        waits.Forget(ns, name);
        if ((await pods.FindAsync(ns, name, deadline, cancellationToken).ConfigureAwait(false)).Pod is not { } pod
            || !pod.Annotations.TryGetValue(PodEniAnnotation.Key, out var json))
        {
            return; // Gone, unreadable or no branch pod: nothing to name, and DEL succeeds (CNI spec, "DEL").
        }

        CheckUid(request, pod);
        try
        {
            var eni = PodEniAnnotation.Parse(json)[0];
            var address = eni.PrivateIp?.ToString() ?? string.Empty;
            reply.PodVlanId = eni.VlanId;
            reply.IPAllocationMetadata.Add(new IPAllocationMetadata { IPv4Addr = address, RouteTableId = RouteTables.ForVlan(eni.VlanId) });
            PodEniLog.BranchReleased(logger, ns, name, eni.EniId, eni.VlanId, address);
        }
        catch (VpcCniException e)
        {
            PodEniLog.BadAnnotationOnDel(logger, ns, name, e.ErrorId, e.Message);
        }
    }

    private void CheckUid(DelNetworkRequest request, KubernetesPodInfo pod)
    {
        if (request.K8SPODUID.Length > 0 && pod.Uid.Length > 0 && !string.Equals(request.K8SPODUID, pod.Uid, StringComparison.Ordinal))
        {
            PodEniLog.UidMismatch(logger, pod.Namespace, pod.Name, request.K8SPODUID, pod.Uid);
            throw new VpcCniException(VpcCniErrorCategory.Conflict, ErrorIds.SecurityGroupPolicy.PodUidMismatch,
                $"DelNetwork for {pod.Namespace}/{pod.Name} names pod UID {request.K8SPODUID}, but the pod of that name is {pod.Uid}: its branch ENI belongs to the newer pod.");
        }
    }
}
