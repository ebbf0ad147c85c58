using System.Net;
using VpcCni.Engine.Linux.Namespaces;

namespace VpcCni.Engine.Linux.Wiring;

public sealed partial class PodNetworkWiring
{
    /// <summary>
    /// DEL without the service's word that the address is still this container's (the service is down,
    /// or it no longer knows the container): removes the request's veth pair through its pod-side end,
    /// and the host rules and /32 route of the address only when no other interface owns them. Returns
    /// how many objects were removed.
    /// </summary>
    /// <remarks>
    /// A newer sandbox of the same pod, or another pod that got the address after it was released, has
    /// its own host /32 route to its own veth. The host veth name depends only on the pod's name, so
    /// ownership is decided by interface index: the route must point at the peer of this request's
    /// pod-side veth, or be absent (the pair went with a deleted namespace and only rules are left).
    /// </remarks>
    public int TeardownIfOwned(PodNetworkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var routedTo = HostRouteLink(request.PodIp);
        var removed = 0;
        if (routedTo is null || routedTo == PodVethPeerIndex(request))
        {
            removed += RemoveHostIpRules(request.PodIp);
        }
        else
        {
            DataplaneLog.HostRulesKept(_logger, request.PodNamespace, request.PodName, request.PodIp, routedTo.Value);
        }

        removed += RemovePodVeth(request);
        DataplaneLog.PodUnwired(_logger, request.PodNamespace, request.PodName, request.PodIp, removed);
        return removed;
    }

    /// <summary>The host link the main table's /32 (or /128) route of <paramref name="podIp"/> leaves through, or null.</summary>
    public int? HostRouteLink(IPAddress podIp)
    {
        ArgumentNullException.ThrowIfNull(podIp);
        var prefix = HostPrefix(podIp);
        return _host.ListRoutes(podIp.AddressFamily, RouteTables.Main).FirstOrDefault(r => r.Destination == prefix)?.LinkIndex;
    }

    /// <summary>The host-side index of the request's veth pair, read from its pod-side end (IFLA_LINK); null when the pod side is gone.</summary>
    public int? PodVethPeerIndex(PodNetworkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.NetnsPath))
        {
            return null;
        }

        try
        {
            using var pod = RtNetlink.OpenIn(_netNs, request.NetnsPath);
            return pod.FindLinkByName(request.PodInterface) is { Kind: "veth" } link ? link.ParentIndex : null;
        }
        catch (NetNsNotFoundException)
        {
            return null;
        }
    }
}
