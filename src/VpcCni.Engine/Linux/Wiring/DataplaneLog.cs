using System.Net;
using Microsoft.Extensions.Logging;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>Source-generated log messages of the Linux dataplane (event ids 4000–4099).</summary>
internal static partial class DataplaneLog
{
    [LoggerMessage(4000, LogLevel.Information, "Wired pod {PodNamespace}/{PodName} ({PodIp}) through {HostVeth}, table {Table}")]
    public static partial void PodWired(ILogger logger, string podNamespace, string podName, IPAddress podIp, string hostVeth, int table);

    [LoggerMessage(4001, LogLevel.Information, "Unwired pod {PodNamespace}/{PodName} ({PodIp}); removed {Removed} objects")]
    public static partial void PodUnwired(ILogger logger, string podNamespace, string podName, IPAddress podIp, int removed);

    [LoggerMessage(4002, LogLevel.Warning, "Deleted a stale host veth {HostVeth} before wiring")]
    public static partial void StaleVethDeleted(ILogger logger, string hostVeth);

    [LoggerMessage(4003, LogLevel.Warning, "Wiring pod {PodNamespace}/{PodName} failed; undoing what was done")]
    public static partial void PodWiringFailed(ILogger logger, Exception exception, string podNamespace, string podName);

    [LoggerMessage(4004, LogLevel.Debug, "Kernel parameter {Key} is absent here; skipped")]
    public static partial void SysctlSkipped(ILogger logger, string key);

    [LoggerMessage(4010, LogLevel.Information, "Set up ENI {Mac} as {LinkName} with {PrimaryIp}/{PrefixLength}, table {Table}")]
    public static partial void EniSetUp(ILogger logger, string mac, string linkName, IPAddress primaryIp, int prefixLength, int table);

    [LoggerMessage(4011, LogLevel.Debug, "ENI link {Mac} not visible yet (attempt {Attempt} of {Attempts})")]
    public static partial void EniLinkNotYetVisible(ILogger logger, string mac, int attempt, int attempts);

    [LoggerMessage(4012, LogLevel.Debug, "Route {Route} failed (attempt {Attempt} of {Attempts})")]
    public static partial void RouteRetry(ILogger logger, Exception exception, string route, int attempt, int attempts);

    [LoggerMessage(4013, LogLevel.Information, "Host rules reconciled: {Added} added, {Removed} removed")]
    public static partial void HostRulesReconciled(ILogger logger, int added, int removed);

    [LoggerMessage(4020, LogLevel.Information, "Wired branch ENI VLAN {VlanId} for pod {PodNamespace}/{PodName} ({Mode})")]
    public static partial void BranchWired(ILogger logger, int vlanId, string podNamespace, string podName, string mode);
}
