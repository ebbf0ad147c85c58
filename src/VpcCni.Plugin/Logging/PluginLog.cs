using System.Net;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Plugin.Logging;

/// <summary>Source-generated log messages of the plugin (range <see cref="LogEventIds.Plugin"/>).</summary>
internal static partial class PluginLog
{
    [LoggerMessage(EventId = LogEventIds.Plugin + 0, Level = LogLevel.Information, Message = "CNI {Command} for container {ContainerId} ({PodNamespace}/{PodName}) netns {Netns} ifname {IfName}, network {Network}")]
    public static partial void CommandReceived(ILogger logger, string command, string containerId, string podNamespace, string podName, string netns, string ifName, string network);

    [LoggerMessage(EventId = LogEventIds.Plugin + 1, Level = LogLevel.Information, Message = "AddNetwork gave {PodNamespace}/{PodName} {Address} on device {DeviceNumber}, table {RouteTable}, VLAN {VlanId}")]
    public static partial void AddressAssigned(ILogger logger, string podNamespace, string podName, IPAddress address, int deviceNumber, int routeTable, int vlanId);

    [LoggerMessage(EventId = LogEventIds.Plugin + 2, Level = LogLevel.Information, Message = "SNAT for pod {PodNamespace}/{PodName} ({Address}): node SNAT of traffic leaving the VPC is {NodeSnat} (UseExternalSNAT={UseExternalSnat}); VPC CIDRs excluded from SNAT: {VpcCidrs}")]
    public static partial void SnatDecision(ILogger logger, string podNamespace, string podName, IPAddress address, string nodeSnat, bool useExternalSnat, string vpcCidrs);

    [LoggerMessage(EventId = LogEventIds.Plugin + 3, Level = LogLevel.Warning, Message = "Wiring {PodNamespace}/{PodName} failed; giving {Address} back to the service (SetupNSFailed)")]
    public static partial void WiringFailed(ILogger logger, Exception exception, string podNamespace, string podName, IPAddress address);

    [LoggerMessage(EventId = LogEventIds.Plugin + 4, Level = LogLevel.Error, Message = "Giving the address of container {ContainerId} back failed; the service reclaims it later")]
    public static partial void GiveBackFailed(ILogger logger, Exception? exception, string containerId);

    [LoggerMessage(EventId = LogEventIds.Plugin + 5, Level = LogLevel.Information, Message = "Network policy mode {Mode}: asked the agent to enforce policy on {PodNamespace}/{PodName}")]
    public static partial void PolicyEnforced(ILogger logger, string mode, string podNamespace, string podName);

    [LoggerMessage(EventId = LogEventIds.Plugin + 6, Level = LogLevel.Error, Message = "The network-policy agent did not enforce policy on {PodNamespace}/{PodName}")]
    public static partial void PolicyFailed(ILogger logger, Exception? exception, string podNamespace, string podName);

    [LoggerMessage(EventId = LogEventIds.Plugin + 7, Level = LogLevel.Debug, Message = "NETWORK_POLICY_ENFORCING_MODE is not set; no network-policy call")]
    public static partial void PolicySkipped(ILogger logger);

    [LoggerMessage(EventId = LogEventIds.Plugin + 8, Level = LogLevel.Information, Message = "DelNetwork released {Address} of container {ContainerId}")]
    public static partial void AddressReleased(ILogger logger, IPAddress address, string containerId);

    [LoggerMessage(EventId = LogEventIds.Plugin + 9, Level = LogLevel.Information, Message = "The service holds no address for container {ContainerId}; only this sandbox's own objects are removed")]
    public static partial void UnknownContainer(ILogger logger, string containerId);

    [LoggerMessage(EventId = LogEventIds.Plugin + 10, Level = LogLevel.Warning, Message = "The service could not release the address of container {ContainerId}; tearing down from prevResult, the service reclaims the address when it is back")]
    public static partial void ServiceDownOnDel(ILogger logger, Exception exception, string containerId);

    [LoggerMessage(EventId = LogEventIds.Plugin + 11, Level = LogLevel.Information, Message = "No usable prevResult for container {ContainerId}: nothing to tear down without the service")]
    public static partial void NoPrevResult(ILogger logger, string containerId);

    [LoggerMessage(EventId = LogEventIds.Plugin + 12, Level = LogLevel.Information, Message = "Branch-ENI pod {PodNamespace}/{PodName} (VLAN {VlanId}) torn down from prevResult")]
    public static partial void BranchTornDown(ILogger logger, string podNamespace, string podName, int vlanId);

    [LoggerMessage(EventId = LogEventIds.Plugin + 13, Level = LogLevel.Error, Message = "CNI {Command} failed with code {Code} ({ErrorId}): {Msg}")]
    public static partial void CommandFailed(ILogger logger, Exception? exception, string command, int code, string errorId, string msg);

    [LoggerMessage(EventId = LogEventIds.Plugin + 14, Level = LogLevel.Debug, Message = "CNI {Command} done")]
    public static partial void CommandDone(ILogger logger, string command);

    [LoggerMessage(EventId = LogEventIds.Plugin + 15, Level = LogLevel.Warning, Message = "The network-policy agent did not delete the policy state of {PodNamespace}/{PodName}")]
    public static partial void PolicyDeleteFailed(ILogger logger, Exception? exception, string podNamespace, string podName);

    [LoggerMessage(EventId = LogEventIds.Plugin + 16, Level = LogLevel.Information, Message = "GC released {Address} of container {ContainerId} interface {IfName}: not among the runtime's attachments")]
    public static partial void GcReleased(ILogger logger, string address, string containerId, string ifName);

    [LoggerMessage(EventId = LogEventIds.Plugin + 17, Level = LogLevel.Information, Message = "GC kept {Kept} attachments of network {Network} and released {Released}")]
    public static partial void GcDone(ILogger logger, string network, int kept, int released);

    [LoggerMessage(EventId = LogEventIds.Plugin + 18, Level = LogLevel.Warning, Message = "mtu {Mtu} is outside 576-9001; the pod gets 9001")]
    public static partial void MtuOutOfRange(ILogger logger, int mtu);

    [LoggerMessage(EventId = LogEventIds.Plugin + 19, Level = LogLevel.Warning, Message = "The pod side in {Netns} could not be reached; skipped, the sandbox's namespace takes it along")]
    public static partial void PodSideSkipped(ILogger logger, Exception exception, string netns);

    [LoggerMessage(EventId = LogEventIds.Plugin + 20, Level = LogLevel.Information, Message = "STATUS: the node service answered {Status}")]
    public static partial void StatusAnswered(ILogger logger, string status);

    [LoggerMessage(EventId = LogEventIds.Plugin + 21, Level = LogLevel.Debug, Message = "The veth pair made ahead of the address was not used: {HostVeth} deleted ({Removed})")]
    public static partial void UnusedVethDeleted(ILogger logger, string hostVeth, int removed);

    [LoggerMessage(EventId = LogEventIds.Plugin + 22, Level = LogLevel.Debug, Message = "The veth pair made ahead of the address could not be made; its creation removed what it had made")]
    public static partial void UnusedVethFailed(ILogger logger, Exception exception);
}
