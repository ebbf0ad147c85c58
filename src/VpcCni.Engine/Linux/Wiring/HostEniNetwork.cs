using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.Netlink;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>
/// The host side of ENIs (upstream <c>pkg/networkutils</c> <c>setupENINetwork</c> and <c>SetupHostNetwork</c>,
/// docs/dataplane.md): per-ENI link, address, table and rule 32765; node-wide rules 1024, 1535 and
/// the local-table move for SGP strict. Every step is idempotent, so a restart can run it again.
/// </summary>
public sealed class HostEniNetwork
{
    private readonly INetlink _host;
    private readonly INetNs _netNs;
    private readonly ISysctl _sysctl;
    private readonly string _hostNamespacePath;
    private readonly TimeProvider _time;
    private readonly HostNetworkOptions _options;
    private readonly ILogger _logger;

    /// <param name="host">Netlink bound to the host (node) namespace.</param>
    /// <param name="netNs">Namespace switching, for the host's kernel settings.</param>
    /// <param name="sysctl">Kernel parameters.</param>
    /// <param name="hostNamespacePath">The host namespace as a path (<c>/proc/self/ns/net</c> on a node).</param>
    /// <param name="time">Clock for the link and route retries.</param>
    /// <param name="options">Retry counts and the ENI MTU.</param>
    /// <param name="logger">Log sink.</param>
    public HostEniNetwork(INetlink host, INetNs netNs, ISysctl sysctl, string hostNamespacePath, TimeProvider time, HostNetworkOptions options, ILogger<HostEniNetwork> logger)
    {
        _host = host;
        _netNs = netNs;
        _sysctl = sysctl;
        _hostNamespacePath = hostNamespacePath;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>Sets up one ENI's link and routing; returns its link.</summary>
    public async Task<LinkInfo> SetupEniAsync(EniNetworkSpec eni, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eni);
        var link = await FindLinkByMacAsync(eni.Mac, cancellationToken).ConfigureAwait(false);
        if (link.Mtu != _options.EniMtu)
        {
            _host.SetMtu(link.Index, _options.EniMtu);
        }

        if (eni.IsPrimary)
        {
            return link;
        }

        _host.SetUp(link.Index);
        _host.ReplaceGlobalAddresses(link.Index, eni.PrimaryIp, eni.Subnet.PrefixLength);
        var table = RouteTableOf(eni);
        var gateway = eni.Gateway;
        await RouteAsync(new RouteEntry(PodNetworkWiring.HostPrefix(gateway), null, link.Index, table, RouteScope.Link), cancellationToken).ConfigureAwait(false);
        await RouteAsync(new RouteEntry(new IPNetwork(Any(gateway), 0), gateway, link.Index, table), cancellationToken).ConfigureAwait(false);

        // The kernel adds "<subnet> dev ethN proto kernel scope link" to main with the address; traffic for the
        // subnet must use the ENI table instead, so upstream removes it.
        Idempotent.Remove(() => _host.DeleteRoute(new RouteEntry(eni.Subnet, null, link.Index, RouteTables.Main)));
        if (!eni.IsTrunk)
        {
            Idempotent.Create(() => _host.AddRule(FromEniRule(eni, table)));
        }

        HostNetworkLog.EniSetUp(_logger, eni.Mac, link.Name, eni.PrimaryIp, eni.Subnet.PrefixLength, table);
        return link;
    }

    /// <summary>Before an ENI is detached: removes its rule 32765 and every route in its table. Returns how many were removed.</summary>
    public int TeardownEni(EniNetworkSpec eni)
    {
        ArgumentNullException.ThrowIfNull(eni);
        if (eni.IsPrimary)
        {
            return 0;
        }

        var table = RouteTableOf(eni);
        var removed = Idempotent.Remove(() => _host.DeleteRule(FromEniRule(eni, table))) ? 1 : 0;
        foreach (var route in _host.ListRoutes(eni.PrimaryIp.AddressFamily, table))
        {
            removed += Idempotent.Remove(() => _host.DeleteRoute(route)) ? 1 : 0;
        }

        return removed;
    }

    /// <summary>Node-wide host setup: the kernel settings of <paramref name="spec"/>, then its rules.</summary>
    public void SetupHost(HostRulesSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ApplyKernelSettings(spec);
        ApplyHostRules(spec);
    }

    /// <summary>Reconciles the node-wide rules with <paramref name="spec"/>.</summary>
    public void ApplyHostRules(HostRulesSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rules = _host.ListRules(AddressFamily.InterNetwork);
        int added = 0, removed = 0;
        var fwmark = new RuleEntry(HostRulesSpec.FwmarkRulePriority, RouteTables.Main, Mark: spec.ConnmarkMask, Mask: spec.ConnmarkMask);
        var hasFwmark = rules.Any(r => r.Priority == HostRulesSpec.FwmarkRulePriority && r.Mark == spec.ConnmarkMask);
        if (spec.WantsFwmarkRule && !hasFwmark)
        {
            Idempotent.Create(() => _host.AddRule(fwmark));
            added++;
        }
        else if (!spec.WantsFwmarkRule && hasFwmark)
        {
            removed += Idempotent.Remove(() => _host.DeleteRule(fwmark)) ? 1 : 0;
        }

        var wanted = (spec.ExternalServiceCidrs ?? []).Where(c => c.BaseAddress.AddressFamily == AddressFamily.InterNetwork).ToHashSet();
        foreach (var stale in rules.Where(r => r.Priority == HostRulesSpec.ExternalServiceRulePriority && (r.Destination is not { } d || !wanted.Contains(d))))
        {
            removed += Idempotent.Remove(() => _host.DeleteRule(stale)) ? 1 : 0;
        }

        foreach (var cidr in wanted.Where(c => !rules.Any(r => r.Priority == HostRulesSpec.ExternalServiceRulePriority && r.Destination == c)))
        {
            Idempotent.Create(() => _host.AddRule(new RuleEntry(HostRulesSpec.ExternalServiceRulePriority, RouteTables.Main, Destination: cidr)));
            added++;
        }

        if (spec.SgpStrict)
        {
            // Add at 20 before removing 0, so local delivery never disappears (upstream SetupHostNetwork).
            // The delete names priority 0 only when such a rule exists: a priority of 0 in RTM_DELRULE matches any.
            if (!rules.Any(r => r.Priority == HostRulesSpec.LocalRulePriorityStrict && r.Table == RouteEntry.LocalTable))
            {
                Idempotent.Create(() => _host.AddRule(new RuleEntry(HostRulesSpec.LocalRulePriorityStrict, RouteEntry.LocalTable)));
                added++;
            }

            if (rules.Any(r => r.Priority == 0 && r.Table == RouteEntry.LocalTable))
            {
                removed += Idempotent.Remove(() => _host.DeleteRule(new RuleEntry(0, RouteEntry.LocalTable))) ? 1 : 0;
            }
        }

        HostNetworkLog.HostRulesReconciled(_logger, added, removed);
    }

    private void ApplyKernelSettings(HostRulesSpec spec)
    {
        RtNetlink.ValidateName(spec.PrimaryInterface);

        // Replies to NodePort connections for pods on secondary ENIs leave through eth0 (rule 1024) while
        // their reverse route points at the pod's ENI table (rule 1536), so strict reverse-path filtering
        // (RFC 3704, rp_filter 1) drops the incoming packets; loose mode (2) only asks that the source
        // be reachable at all. The kernel uses the higher of conf/all and conf/<link> (ip-sysctl.rst).
        var settings = new List<(string Key, string Value)> { ($"net/ipv4/conf/{spec.PrimaryInterface}/rp_filter", "2") };
        if (spec.DisableTcpEarlyDemux)
        {
            // Early demux reuses the input route cached on an established socket, bypassing the policy rules
            // that send SGP pod traffic through its branch ENI, so kubelet's TCP probes fail (upstream
            // README, DISABLE_TCP_EARLY_DEMUX). The setting is per network namespace (ip-sysctl.rst).
            settings.Add(("net/ipv4/tcp_early_demux", "0"));
        }

        _netNs.Run(_hostNamespacePath, () =>
        {
            foreach (var (key, value) in settings)
            {
                _sysctl.Write(key, value);
                HostNetworkLog.SysctlSet(_logger, key, value);
            }

            return settings.Count;
        });
    }

    private static RuleEntry FromEniRule(EniNetworkSpec eni, int table) =>
        new(EniNetworkSpec.FromEniRulePriority, table, Source: PodNetworkWiring.HostPrefix(eni.PrimaryIp), Family: eni.PrimaryIp.AddressFamily);

    /// <summary>
    /// The ENI's table. On network card 0 it is always computed. On a card above 0 an older install
    /// (or the AMI) may have numbered the table differently; a rule 32765 from the ENI's address names
    /// that table, and it is kept, so no second rule and no orphaned table appear (upstream
    /// <c>pkg/networkutils/network.go</c> <c>getRouteTableNumberForENI</c>). When both numberings have
    /// a rule, the older one wins and the other rule is removed.
    /// </summary>
    private int RouteTableOf(EniNetworkSpec eni)
    {
        var computed = eni.RouteTable;
        if (eni.NetworkCard == 0)
        {
            return computed;
        }

        var source = PodNetworkWiring.HostPrefix(eni.PrimaryIp);
        var existing = _host.ListRules(eni.PrimaryIp.AddressFamily)
            .Where(r => r.Priority == EniNetworkSpec.FromEniRulePriority && r.Source == source)
            .ToList();
        var table = existing.Select(r => r.Table).FirstOrDefault(t => t != computed, computed);
        foreach (var other in existing.Where(r => r.Table != table))
        {
            Idempotent.Remove(() => _host.DeleteRule(other));
        }

        if (table != computed)
        {
            HostNetworkLog.EniTableReused(_logger, eni.PrimaryIp, eni.NetworkCard, table, computed);
        }

        return table;
    }

    private static IPAddress Any(IPAddress like) => like.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any;

    /// <summary>
    /// The link of an ENI, looked up by MAC with the retries of <see cref="HostNetworkOptions"/>: an ENI
    /// attached a moment ago may not have its link yet (upstream <c>pkg/networkutils/network.go</c> <c>linkByMac</c>).
    /// </summary>
    public async Task<LinkInfo> FindLinkByMacAsync(PhysicalAddress mac, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mac);
        var attempts = Math.Max(1, _options.LinkLookupAttempts);
        for (var attempt = 1; ; attempt++)
        {
            if (_host.FindLinkByMac(mac) is { } link)
            {
                return link;
            }

            if (attempt == attempts)
            {
                throw new VpcCniException(
                    VpcCniErrorCategory.NotFound,
                    ErrorIds.Dataplane.EniLinkNotFound,
                    $"No link has MAC {mac} after {attempts} attempts {_options.LinkLookupDelay.TotalSeconds:0.#} s apart; the ENI may not be attached to this instance yet.");
            }

            HostNetworkLog.EniLinkNotYetVisible(_logger, mac, attempt, attempts);
            await Task.Delay(_options.LinkLookupDelay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Route replace with backoff: a just-raised link can refuse routes briefly (ENETUNREACH), upstream retries 5 times.</summary>
    private async Task RouteAsync(RouteEntry route, CancellationToken cancellationToken)
    {
        var delay = _options.RouteRetryDelay;
        var attempts = Math.Max(1, _options.RouteAttempts);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _host.ReplaceRoute(route);
                return;
            }
            catch (NetlinkException e) when (attempt < attempts && e is not NetlinkPermissionException)
            {
                HostNetworkLog.RouteRetry(_logger, e, route, attempt, attempts);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay *= 2;
            }
        }
    }
}
