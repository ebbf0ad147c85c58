using System.Net;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>Source-generated log messages of pod wiring (range <see cref="LogEventIds.Dataplane"/>).</summary>
internal static partial class DataplaneLog
{
    [LoggerMessage(EventId = LogEventIds.Dataplane + 0, Level = LogLevel.Information, Message = "Wired pod {PodNamespace}/{PodName} ({PodIp}) through {HostVeth}, table {Table}")]
    public static partial void PodWired(ILogger logger, string podNamespace, string podName, IPAddress podIp, string hostVeth, int table);

    [LoggerMessage(EventId = LogEventIds.Dataplane + 1, Level = LogLevel.Information, Message = "Unwired pod {PodNamespace}/{PodName} ({PodIp}); removed {Removed} objects")]
    public static partial void PodUnwired(ILogger logger, string podNamespace, string podName, IPAddress podIp, int removed);

    [LoggerMessage(EventId = LogEventIds.Dataplane + 2, Level = LogLevel.Warning, Message = "Deleted a stale host veth {HostVeth} before wiring")]
    public static partial void StaleVethDeleted(ILogger logger, string hostVeth);

    [LoggerMessage(EventId = LogEventIds.Dataplane + 3, Level = LogLevel.Warning, Message = "Wiring pod {PodNamespace}/{PodName} failed; undoing what was done")]
    public static partial void PodWiringFailed(ILogger logger, Exception exception, string podNamespace, string podName);

    [LoggerMessage(EventId = LogEventIds.Dataplane + 4, Level = LogLevel.Debug, Message = "Kernel parameter {Key} is absent here; skipped")]
    public static partial void SysctlSkipped(ILogger logger, string key);

    [LoggerMessage(EventId = LogEventIds.Dataplane + 5, Level = LogLevel.Information, Message = "Wired branch ENI VLAN {VlanId} for pod {PodNamespace}/{PodName} ({Mode})")]
    public static partial void BranchWired(ILogger logger, int vlanId, string podNamespace, string podName, PodSecurityGroupEnforcingMode mode);

    [LoggerMessage(EventId = LogEventIds.Dataplane + 6, Level = LogLevel.Debug, Message = "Pod namespace {NetnsPath} is already gone; its veth went with it")]
    public static partial void PodNamespaceGone(ILogger logger, string netnsPath);

    [LoggerMessage(EventId = LogEventIds.Dataplane + 7, Level = LogLevel.Warning, Message = "Pod {PodNamespace}/{PodName}: {PodIp} is routed to interface #{LinkIndex}, not to this sandbox's veth; its host rules and route are left to their owner")]
    public static partial void HostRulesKept(ILogger logger, string podNamespace, string podName, IPAddress podIp, int linkIndex);

    [LoggerMessage(EventId = LogEventIds.Dataplane + 20, Level = LogLevel.Information, Message = "Host rules 512 and 1536 of {Count} restored pods rewritten; {Removed} stale rules removed")]
    public static partial void PodRulesRewritten(ILogger logger, int count, int removed);
}
