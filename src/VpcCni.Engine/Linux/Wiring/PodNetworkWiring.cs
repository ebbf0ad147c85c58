using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.Namespaces;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>
/// Wires and unwires one pod interface as upstream's plugin driver does (<c>cmd/routed-eni-cni-plugin/driver/driver.go</c>):
/// a veth pair created in the pod with its peer in the host, a /32 address and a static ARP entry
/// for 169.254.1.1 in the pod, and on the host a /32 route plus rules 512 and (secondary ENIs) 1536.
/// </summary>
public sealed partial class PodNetworkWiring
{
    /// <summary>Rule priority of <c>to &lt;podIP&gt; lookup main</c>.</summary>
    public const int ToPodRulePriority = 512;

    /// <summary>Rule priority of <c>from &lt;podIP&gt; lookup &lt;ENI table&gt;</c>.</summary>
    public const int FromPodRulePriority = 1536;

    private readonly INetNs _netNs;
    private readonly ISysctl _sysctl;
    private readonly INetlink _host;
    private readonly string _hostNamespacePath;
    private readonly ILogger _logger;

    /// <param name="netNs">Namespace switching.</param>
    /// <param name="sysctl">Kernel parameters (host veth IPv6 knobs).</param>
    /// <param name="host">Netlink bound to the host (node) namespace.</param>
    /// <param name="hostNamespacePath">The same namespace as a path, for IFLA_NET_NS_FD and host sysctls (<c>/proc/self/ns/net</c> on a node).</param>
    /// <param name="logger">Log sink.</param>
    public PodNetworkWiring(INetNs netNs, ISysctl sysctl, INetlink host, string hostNamespacePath, ILogger<PodNetworkWiring> logger)
    {
        _netNs = netNs;
        _sysctl = sysctl;
        _host = host;
        _hostNamespacePath = hostNamespacePath;
        _logger = logger;
    }

    /// <summary>ADD. On failure everything already done is undone before the exception propagates.</summary>
    public PodWiringResult Setup(PodNetworkRequest request)
    {
        Validate(request);
        return UndoneOnFailure(request, () =>
        {
            using var pair = CreatePair(request, request.HostVeth);
            return Finish(request, pair);
        });
    }

    /// <summary>Runs one of ADD's wirings; when it fails, what it did is undone before the exception propagates.</summary>
    private PodWiringResult UndoneOnFailure(PodNetworkRequest request, Func<PodWiringResult> wire)
    {
        try
        {
            return wire();
        }
        catch (Exception e) when (e is VpcCniException or IOException)
        {
            DataplaneLog.PodWiringFailed(_logger, e, request.PodNamespace, request.PodName);
            Undo(request);
            throw;
        }
    }

    private PodWiringResult Finish(PodNetworkRequest request, PodVethPair pair)
    {
        ConfigurePod(request, pair);
        AddHostIpRules(request.PodIp, pair.Links.HostIndex, request.RouteTable);
        DataplaneLog.PodWired(_logger, request.PodNamespace, request.PodName, request.PodIp, pair.Links.HostVeth, request.RouteTable);
        return pair.Links;
    }

    /// <summary>
    /// DEL: removes the host rules and the /32 route of the request's address, and the veth pair from
    /// inside the request's own namespace; anything already gone is skipped. Returns how many objects
    /// were removed.
    /// </summary>
    /// <remarks>
    /// The host veth name depends only on the pod's namespace and name, so a newer sandbox of the same
    /// pod has the same host veth name. Deleting the host veth by name would cut a live sandbox off when
    /// the runtime delivers a late DEL for the old one; the pod-side end names only this container's
    /// pair. Upstream leaves the pair to go with the pod's namespace.
    /// </remarks>
    public int Teardown(PodNetworkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var removed = RemoveHostIpRules(request.PodIp) + RemovePodVeth(request);
        DataplaneLog.PodUnwired(_logger, request.PodNamespace, request.PodName, request.PodIp, removed);
        return removed;
    }

    /// <summary>
    /// DEL's host side alone, for a request whose pod side <see cref="RemovePodVeth"/> removes (the
    /// plugin runs that on its own thread, docs/plugin.md "Start-up"): the host rules and the /32 route.
    /// Returns how many objects went.
    /// </summary>
    public int TeardownHostSide(PodNetworkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var removed = RemoveHostIpRules(request.PodIp);
        DataplaneLog.PodUnwired(_logger, request.PodNamespace, request.PodName, request.PodIp, removed);
        return removed;
    }

    internal static IPNetwork HostPrefix(IPAddress ip) => new(ip, ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);

    /// <summary>Upstream falls back to 9001 for an MTU outside 576–9001.</summary>
    public static int EffectiveMtu(int mtu) => mtu is < 576 or > 9001 ? 9001 : mtu;

    internal static void Validate(PodNetworkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PodIp.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Dataplane.UnsupportedPodAddressFamily, $"Pod address {request.PodIp} is not IPv4; IPv6 pod wiring is not implemented yet.");
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.InterfaceIndex, 253, nameof(request));
        RtNetlink.ValidateName(request.PodInterface);
    }

    /// <summary>Steps 1–4 of ADD: stale veth removal, the pair, host sysctls, and the pod side.</summary>
    internal PodWiringResult WireVeth(PodNetworkRequest request, string hostVeth)
    {
        using var pair = CreatePair(request, hostVeth);
        ConfigurePod(request, pair);
        return pair.Links;
    }

    /// <summary>Host side (upstream <c>setupIPBasedContainerRouteRules</c>): route, rule 512, and rule 1536 off the main table.</summary>
    internal void AddHostIpRules(IPAddress podIp, int hostVethIndex, int table)
    {
        var pod = HostPrefix(podIp);
        _host.ReplaceRoute(new RouteEntry(pod, null, hostVethIndex, RouteTables.Main, RouteScope.Link));
        AddHostRules(pod, table);
    }

    /// <summary>
    /// After a restart, for the pods the checkpoint gave back (upstream <c>pkg/ipamd/ipamd.go</c>
    /// <c>configureIPRulesForPods</c>): each pod's rules 512 and 1536 as <see cref="Setup(PodNetworkRequest)"/> writes
    /// them, with a rule 1536 naming another table removed first. The rules are listed once for all
    /// pods. Returns how many stale rules were removed.
    /// </summary>
    public int RewriteHostRules(IReadOnlyCollection<PodHostRules> pods)
    {
        ArgumentNullException.ThrowIfNull(pods);
        if (pods.FirstOrDefault(p => p.PodIp.AddressFamily != AddressFamily.InterNetwork) is { } v6)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Dataplane.UnsupportedPodAddressFamily, $"Pod address {v6.PodIp} is not IPv4; IPv6 pod rules are not implemented yet.");
        }

        var fromPod = _host.ListRules(AddressFamily.InterNetwork).Where(r => r.Priority == FromPodRulePriority && r.Source is not null).ToLookup(r => r.Source);
        var removed = 0;
        foreach (var (podIp, table) in pods)
        {
            var pod = HostPrefix(podIp);

            // A rule left from an earlier placement (another ENI) would win over the one added below.
            foreach (var stale in fromPod[pod].Where(r => r.Table != table))
            {
                removed += Idempotent.Remove(() => _host.DeleteRule(stale)) ? 1 : 0;
            }

            AddHostRules(pod, table);
        }

        DataplaneLog.PodRulesRewritten(_logger, pods.Count, removed);
        return removed;
    }

    private void AddHostRules(IPNetwork pod, int table)
    {
        Idempotent.Create(() => _host.AddRule(new RuleEntry(ToPodRulePriority, RouteTables.Main, Destination: pod)));
        if (table != RouteTables.Main)
        {
            Idempotent.Create(() => _host.AddRule(new RuleEntry(FromPodRulePriority, table, Source: pod)));
        }
    }

    internal int RemoveHostIpRules(IPAddress podIp)
    {
        var pod = HostPrefix(podIp);
        var removed = Idempotent.Remove(() => _host.DeleteRule(new RuleEntry(ToPodRulePriority, RouteTables.Main, Destination: pod))) ? 1 : 0;
        foreach (var rule in _host.ListRules(podIp.AddressFamily).Where(r => r.Priority == FromPodRulePriority && r.Source == pod))
        {
            removed += Idempotent.Remove(() => _host.DeleteRule(rule)) ? 1 : 0;
        }

        removed += Idempotent.Remove(() => _host.DeleteRoute(new RouteEntry(pod, null, null, RouteTables.Main))) ? 1 : 0;
        return removed;
    }

    /// <summary>Undoes a failed ADD: this ADD replaced any older host veth of that name, so the one there now is its own.</summary>
    internal int Undo(PodNetworkRequest request) => RemoveHostIpRules(request.PodIp) + RemoveLink(request.HostVeth);

    /// <summary>
    /// Deletes the request's veth pair through its pod-side end; a namespace already gone took the pair
    /// with it. The kernel's deletion is most of a DEL's time, so the plugin runs it while the node
    /// service releases the address (docs/plugin.md, "Start-up").
    /// </summary>
    public int RemovePodVeth(PodNetworkRequest request)
    {
        if (string.IsNullOrEmpty(request.NetnsPath))
        {
            return 0; // CNI spec, "DEL": CNI_NETNS may be empty when the namespace is gone.
        }

        try
        {
            using var pod = RtNetlink.OpenIn(_netNs, request.NetnsPath);
            return pod.FindLinkByName(request.PodInterface) is { Kind: "veth" } link && Idempotent.Remove(() => pod.DeleteLink(link.Index)) ? 1 : 0;
        }
        catch (NetNsNotFoundException)
        {
            DataplaneLog.PodNamespaceGone(_logger, request.NetnsPath);
            return 0;
        }
    }

    internal int RemoveLink(string name) =>
        _host.FindLinkByName(name) is { } link && Idempotent.Remove(() => _host.DeleteLink(link.Index)) ? 1 : 0;

    internal void WriteSysctls(string namespacePath, (string Key, string Value)[] settings) =>
        _netNs.Run(namespacePath, () =>
        {
            foreach (var (key, value) in settings)
            {
                try
                {
                    _sysctl.Write(key, value);
                }
                catch (VpcCniException e) when (e.Category == VpcCniErrorCategory.NotFound)
                {
                    // IPv6 disabled in this kernel or namespace: nothing to protect.
                    DataplaneLog.SysctlSkipped(_logger, key);
                }
            }

            return settings.Length;
        });
}
