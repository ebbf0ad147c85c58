using System.Collections.Concurrent;
using System.Net;
using System.Net.NetworkInformation;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Service.Node;

/// <summary>
/// The node-wide host network under <c>run --simulate</c>, or with <c>HostNetwork:Simulated</c> against a
/// simulator that runs elsewhere (see <see cref="NodeHostNetworkOptions"/>). The simulated instance's
/// primary ENI is not this machine's, and a rehearsal must never change the machine's own rules,
/// kernel settings or iptables; so the node logs what it would have set up and keeps it here.
/// </summary>
public sealed partial class SimulatedNodeHostNetwork(ILogger<SimulatedNodeHostNetwork> logger) : INodeHostNetwork
{
    private readonly ConcurrentDictionary<IPAddress, int> _podRules = new();

    /// <summary>The last node-wide setup recorded, or null before the node set it up.</summary>
    public NodeHostNetworkSpec? Spec { get; private set; }

    /// <summary>The route table of every pod whose rules were recorded, by pod address.</summary>
    public IReadOnlyDictionary<IPAddress, int> PodRules => new Dictionary<IPAddress, int>(_podRules);

    public Task SetupAsync(NodeHostNetworkSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        cancellationToken.ThrowIfCancellationRequested();
        Spec = spec;
        var filter = spec.PacketFilter;
        Recorded(logger, spec.PrimaryMac, filter.ExternalSnat, filter.VpcCidrs, filter.ExcludedSnatCidrs, spec.HostRules.WantsFwmarkRule);
        return Task.CompletedTask;
    }

    public Task RewritePodRulesAsync(IReadOnlyCollection<PodHostRules> pods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pods);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var pod in pods)
        {
            _podRules[pod.PodIp] = pod.RouteTable;
        }

        PodRulesRecorded(logger, pods.Count);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = LogEventIds.Service + 10, Level = LogLevel.Information, Message = "Simulated node host network recorded for primary MAC {Mac}: external SNAT {ExternalSnat}, VPC CIDRs {VpcCidrs}, SNAT exclusions {Excluded}, rule 1024 {FwmarkRule}; the machine's network is left alone")]
    private static partial void Recorded(ILogger logger, PhysicalAddress mac, bool externalSnat, IReadOnlyList<IPNetwork> vpcCidrs, IReadOnlyList<IPNetwork> excluded, bool fwmarkRule);

    [LoggerMessage(EventId = LogEventIds.Service + 11, Level = LogLevel.Information, Message = "Simulated host rules of {Count} restored pods recorded; the machine's rules are left alone")]
    private static partial void PodRulesRecorded(ILogger logger, int count);
}
