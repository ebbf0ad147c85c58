using System.Net;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.Netlink;

namespace VpcCni.Engine.Linux.Wiring;

public sealed partial class PodNetworkWiring
{
    /// <summary>
    /// ADD's first half, which needs no address: the request's veth pair, up, with the host end's
    /// IPv6 knobs set. Only the request's names, namespace and MTU are read, so the plugin runs this
    /// while the node service is still choosing the address (docs/plugin.md, "Start-up"). On failure
    /// the pair is removed before the exception propagates.
    /// </summary>
    public PodVethPair CreateVethPair(PodNetworkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.InterfaceIndex, 253, nameof(request));
        RtNetlink.ValidateName(request.PodInterface);
        try
        {
            return CreatePair(request, request.HostVeth);
        }
        catch (Exception e) when (e is VpcCniException or IOException)
        {
            DataplaneLog.PodWiringFailed(_logger, e, request.PodNamespace, request.PodName);
            RemoveLink(request.HostVeth);
            throw;
        }
    }

    /// <summary>
    /// ADD's second half over a pair from <see cref="CreateVethPair"/> made for the same pod interface:
    /// the pod's address, routes and ARP entry, and the host route and rules. On failure the pair and
    /// everything after it are undone before the exception propagates.
    /// </summary>
    public PodWiringResult Setup(PodNetworkRequest request, PodVethPair pair)
    {
        Validate(request);
        ArgumentNullException.ThrowIfNull(pair);
        if (pair.Links.HostVeth != request.HostVeth || pair.NetnsPath != request.NetnsPath)
        {
            // Refused before anything is done: the pair stays its owner's, and nothing of the other interface is touched.
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Dataplane.VethPairMismatch, $"The veth pair {pair.Links.HostVeth} in {pair.NetnsPath} was made for another interface than {request.HostVeth} in {request.NetnsPath}.");
        }

        return UndoneOnFailure(request, () => Finish(request, pair));
    }

    /// <summary>Steps 1–3 of ADD: stale veth removal, the pair made from the pod side, host sysctls, both ends up.</summary>
    private PodVethPair CreatePair(PodNetworkRequest request, string hostVeth)
    {
        if (RemoveLink(hostVeth) > 0)
        {
            DataplaneLog.StaleVethDeleted(_logger, hostVeth);
        }

        var hostMac = LinkCodec.RandomLocalMac();
        var mtu = EffectiveMtu(request.Mtu);
        var pod = RtNetlink.OpenIn(_netNs, request.NetnsPath);
        try
        {
            using (var hostNamespace = _netNs.Open(_hostNamespacePath))
            {
                pod.CreateVeth(request.PodInterface, hostVeth, mtu, hostMac, hostNamespace);
            }

            var hostLink = _host.FindLinkByName(hostVeth)
                ?? throw new VpcCniException(VpcCniErrorCategory.Internal, ErrorIds.Dataplane.HostVethMissing, $"Host veth {hostVeth} was not found in {_hostNamespacePath} right after creating it.");

            // Before the link goes up, so it never accepts a router advertisement (upstream driver.go).
            WriteSysctls(_hostNamespacePath, [($"net/ipv6/conf/{hostVeth}/accept_ra", "0"), ($"net/ipv6/conf/{hostVeth}/accept_redirects", "1"), ($"net/ipv6/conf/{hostVeth}/forwarding", "0")]);
            _host.SetUp(hostLink.Index);

            var podLink = pod.FindLinkByName(request.PodInterface)
                ?? throw new VpcCniException(VpcCniErrorCategory.Internal, ErrorIds.Dataplane.PodInterfaceMissing, $"Pod interface {request.PodInterface} was not found in {request.NetnsPath} right after creating it.");
            pod.SetUp(podLink.Index);
            return new PodVethPair(pod, request.NetnsPath, new PodWiringResult(hostVeth, hostMac, hostLink.Index, request.PodInterface, podLink.Mac, podLink.Index));
        }
        catch
        {
            pod.Dispose();
            throw;
        }
    }

    /// <summary>Step 4 of ADD: the pod side's routes via the gateway, its /32 address and the gateway's static ARP entry.</summary>
    private static void ConfigurePod(PodNetworkRequest request, PodVethPair pair)
    {
        var pod = pair.Pod;
        var podIndex = pair.Links.PodIndex;
        var gateway = request.Gateway;
        var table = request.InterfaceIndex == 0 ? RouteTables.Main : request.InterfaceIndex;
        pod.ReplaceRoute(new RouteEntry(HostPrefix(gateway), null, podIndex, RouteTables.Main, RouteScope.Link));
        pod.ReplaceRoute(new RouteEntry(new IPNetwork(IPAddress.Any, 0), gateway, podIndex, table));
        if (request.InterfaceIndex > 0)
        {
            Idempotent.Create(() => pod.AddRule(new RuleEntry(1, table, Source: HostPrefix(request.PodIp))));
        }

        Idempotent.Create(() => pod.AddAddress(podIndex, request.PodIp, 32));
        pod.ReplaceNeighbour(new NeighbourEntry(podIndex, gateway, pair.Links.HostMac, IsPermanent: true));
    }
}
