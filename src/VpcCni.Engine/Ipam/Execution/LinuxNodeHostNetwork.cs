using Microsoft.Extensions.Logging;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.PacketFilter;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>
/// The real <see cref="INodeHostNetwork"/>, in the order of upstream <c>pkg/networkutils/network.go</c>
/// <c>SetupHostNetwork</c>: the primary link found by MAC, its kernel settings and the node-wide rules
/// (<see cref="HostEniNetwork.SetupHost"/>), then SNAT and connmark (<see cref="IPacketFilter"/>).
/// The primary link's MTU is set with the primary ENI right after (<see cref="HostEniNetwork.SetupEniAsync"/>).
/// A failure is raised as <see cref="ErrorIds.Node.HostNetworkSetupFailed"/> or
/// <see cref="ErrorIds.Node.PodRulesRewriteFailed"/> naming the step and the cause's id, so that the
/// node stops starting, as upstream's daemon exits.
/// </summary>
public sealed class LinuxNodeHostNetwork : INodeHostNetwork
{
    private readonly HostEniNetwork _host;
    private readonly IPacketFilter _packetFilter;
    private readonly PodNetworkWiring _pods;
    private readonly ILogger<LinuxNodeHostNetwork> _logger;

    /// <param name="host">The host side of ENIs and the node-wide rules, bound to the node's namespace.</param>
    /// <param name="packetFilter">SNAT and connmark, run in the same namespace.</param>
    /// <param name="pods">Pod wiring bound to the same namespace, for the restored pods' rules.</param>
    /// <param name="logger">Log sink.</param>
    public LinuxNodeHostNetwork(HostEniNetwork host, IPacketFilter packetFilter, PodNetworkWiring pods, ILogger<LinuxNodeHostNetwork> logger)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(packetFilter);
        ArgumentNullException.ThrowIfNull(pods);
        _host = host;
        _packetFilter = packetFilter;
        _pods = pods;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task SetupAsync(NodeHostNetworkSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var step = "finding the primary link";
        try
        {
            var link = await _host.FindLinkByMacAsync(spec.PrimaryMac, cancellationToken).ConfigureAwait(false);
            step = "setting up the host rules";
            _host.SetupHost(spec.HostRules with { PrimaryInterface = link.Name });
            step = "programming SNAT and connmark";
            var result = await _packetFilter.ApplyAsync(spec.PacketFilter with { PrimaryInterface = link.Name }, cancellationToken).ConfigureAwait(false);
            HostNetworkLog.NodeHostNetworkSetUp(_logger, link.Name, result.Skipped ? "none (IPv6)" : result.ConnmarkBackend?.ToString() ?? "none", spec.PacketFilter.ExternalSnat);
        }
        catch (Exception e) when (e is VpcCniException or IOException or UnauthorizedAccessException)
        {
            throw Failed(ErrorIds.Node.HostNetworkSetupFailed, $"Setting up the node's host network failed while {step}", e);
        }
    }

    /// <inheritdoc />
    public Task RewritePodRulesAsync(IReadOnlyCollection<PodHostRules> pods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pods);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            _pods.RewriteHostRules(pods);
        }
        catch (Exception e) when (e is VpcCniException or IOException or UnauthorizedAccessException)
        {
            throw Failed(ErrorIds.Node.PodRulesRewriteFailed, $"Rewriting the host rules of {pods.Count} restored pods failed", e);
        }

        return Task.CompletedTask;
    }

    private static VpcCniException Failed(string errorId, string what, Exception cause)
    {
        var (category, causeId) = cause is VpcCniException typed ? (typed.Category, typed.ErrorId) : (VpcCniErrorCategory.Internal, cause.GetType().Name);
        return new VpcCniException(category, errorId, $"{what}: {causeId}: {cause.Message}", cause);
    }
}
