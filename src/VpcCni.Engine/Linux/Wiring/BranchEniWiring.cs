using System.Net;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>
/// Wires a branch-ENI pod: the pod veth as for any pod, a <c>vlan.eth.&lt;id&gt;</c> link on the trunk
/// with the branch MAC, table id+100 towards the branch gateway, then either interface rules at
/// priority 10 (strict) or the IP rules 512/1536 towards the VLAN table (standard).
/// </summary>
public sealed class BranchEniWiring
{
    private readonly INetlink _host;
    private readonly PodNetworkWiring _pods;
    private readonly string _hostNamespacePath;
    private readonly ILogger _logger;

    public BranchEniWiring(INetlink host, PodNetworkWiring pods, string hostNamespacePath, ILogger<BranchEniWiring> logger)
    {
        _host = host;
        _pods = pods;
        _hostNamespacePath = hostNamespacePath;
        _logger = logger;
    }

    /// <summary>ADD for a branch-ENI pod; undone on failure.</summary>
    public PodWiringResult Setup(BranchEniRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pod = request.EffectivePod;
        PodNetworkWiring.Validate(pod);
        try
        {
            var result = _pods.WireVeth(pod, pod.HostVeth);
            RemoveInterfaceRules(pod.HostVeth);
            var vlan = CreateVlanLink(request);
            var table = request.Table;
            var gateway = PodNetworkWiring.HostPrefix(request.Gateway);
            _host.ReplaceRoute(new RouteEntry(gateway, null, vlan.Index, table, RouteScope.Link));
            _host.ReplaceRoute(new RouteEntry(new IPNetwork(IPAddress.Any, 0), request.Gateway, vlan.Index, table));
            if (request.Mode == PodSecurityGroupEnforcingMode.Strict)
            {
                _host.ReplaceRoute(new RouteEntry(PodNetworkWiring.HostPrefix(pod.PodIp), null, result.HostIndex, table, RouteScope.Link));
                Idempotent.Create(() => _host.AddRule(new RuleEntry(BranchEniRequest.StrictRulePriority, table, InputInterface: request.VlanLink)));
                Idempotent.Create(() => _host.AddRule(new RuleEntry(BranchEniRequest.StrictRulePriority, table, InputInterface: pod.HostVeth)));
            }
            else
            {
                _pods.AddHostIpRules(pod.PodIp, result.HostIndex, table);
            }

            DataplaneLog.BranchWired(_logger, request.VlanId, pod.PodNamespace, pod.PodName, request.Mode);
            return result;
        }
        catch (Exception e) when (e is VpcCniException or IOException)
        {
            DataplaneLog.PodWiringFailed(_logger, e, pod.PodNamespace, pod.PodName);
            Remove(request, _pods.RemoveLink(pod.HostVeth));
            throw;
        }
    }

    /// <summary>
    /// DEL for a branch-ENI pod: rules of both modes, the VLAN link (its routes go with it), and the veth
    /// pair through its pod-side end, as <see cref="PodNetworkWiring.Teardown"/> does. Returns how many
    /// objects were removed.
    /// </summary>
    public int Teardown(BranchEniRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Remove(request, 0) + _pods.RemovePodVeth(request.EffectivePod);
    }

    private int Remove(BranchEniRequest request, int removedVeth)
    {
        var pod = request.EffectivePod;
        var removed = removedVeth + RemoveStrictRules(request.Table) + _pods.RemoveHostIpRules(pod.PodIp);
        foreach (var route in _host.ListRoutes(pod.PodIp.AddressFamily, request.Table))
        {
            removed += Idempotent.Remove(() => _host.DeleteRoute(route)) ? 1 : 0;
        }

        return removed + _pods.RemoveLink(request.VlanLink);
    }

    private LinkInfo CreateVlanLink(BranchEniRequest request)
    {
        // A VLAN link left by an earlier pod with the same id would carry the wrong MAC: replace it (upstream does the same).
        _pods.RemoveLink(request.VlanLink);
        _host.CreateVlan(request.VlanLink, request.TrunkLinkIndex, request.VlanId, request.BranchMac, 0);
        var vlan = _host.FindLinkByName(request.VlanLink)
            ?? throw new VpcCniException(VpcCniErrorCategory.Internal, ErrorIds.Dataplane.VlanLinkMissing, $"VLAN link {request.VlanLink} was not found right after creating it.");
        _pods.WriteSysctls(_hostNamespacePath, [($"net/ipv6/conf/{request.VlanLink}/accept_ra", "0"), ($"net/ipv6/conf/{request.VlanLink}/accept_redirects", "1"), ($"net/ipv6/conf/{request.VlanLink}/forwarding", "0")]);
        _host.SetUp(vlan.Index);
        return vlan;
    }

    /// <summary>
    /// Removes the strict-mode rules of one VLAN table. By table rather than by interface name: the host
    /// veth's name depends on the mode (prefix <c>vlan</c> or <c>eni</c>), so a mode change between ADD
    /// and DEL would otherwise leave the old veth's rule behind.
    /// </summary>
    private int RemoveStrictRules(int table)
    {
        var removed = 0;
        foreach (var rule in _host.ListRules(System.Net.Sockets.AddressFamily.InterNetwork)
                     .Where(r => r.Priority == BranchEniRequest.StrictRulePriority && r.Table == table))
        {
            removed += Idempotent.Remove(() => _host.DeleteRule(rule)) ? 1 : 0;
        }

        return removed;
    }

    private int RemoveInterfaceRules(string interfaceName)
    {
        var removed = 0;
        foreach (var rule in _host.ListRules(System.Net.Sockets.AddressFamily.InterNetwork)
                     .Where(r => r.Priority == BranchEniRequest.StrictRulePriority && r.InputInterface == interfaceName))
        {
            removed += Idempotent.Remove(() => _host.DeleteRule(rule)) ? 1 : 0;
        }

        return removed;
    }
}
