using System.Net;
using System.Net.NetworkInformation;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>Source-generated log messages of ENI and node-wide host setup (range <see cref="LogEventIds.HostNetwork"/>).</summary>
internal static partial class HostNetworkLog
{
    [LoggerMessage(EventId = LogEventIds.HostNetwork + 0, Level = LogLevel.Information, Message = "Set up ENI {Mac} as {LinkName} with {PrimaryIp}/{PrefixLength}, table {Table}")]
    public static partial void EniSetUp(ILogger logger, PhysicalAddress mac, string linkName, IPAddress primaryIp, int prefixLength, int table);

    [LoggerMessage(EventId = LogEventIds.HostNetwork + 1, Level = LogLevel.Debug, Message = "ENI link {Mac} not visible yet (attempt {Attempt} of {Attempts})")]
    public static partial void EniLinkNotYetVisible(ILogger logger, PhysicalAddress mac, int attempt, int attempts);

    [LoggerMessage(EventId = LogEventIds.HostNetwork + 2, Level = LogLevel.Debug, Message = "Route {Route} failed (attempt {Attempt} of {Attempts})")]
    public static partial void RouteRetry(ILogger logger, Exception exception, RouteEntry route, int attempt, int attempts);

    [LoggerMessage(EventId = LogEventIds.HostNetwork + 3, Level = LogLevel.Information, Message = "Host rules reconciled: {Added} added, {Removed} removed")]
    public static partial void HostRulesReconciled(ILogger logger, int added, int removed);

    [LoggerMessage(EventId = LogEventIds.HostNetwork + 4, Level = LogLevel.Information, Message = "ENI {PrimaryIp} on network card {NetworkCard} keeps route table {Table} from an earlier setup instead of {Computed}")]
    public static partial void EniTableReused(ILogger logger, IPAddress primaryIp, int networkCard, int table, int computed);

    [LoggerMessage(EventId = LogEventIds.HostNetwork + 5, Level = LogLevel.Information, Message = "Kernel parameter {Key} set to {Value}")]
    public static partial void SysctlSet(ILogger logger, string key, string value);

    [LoggerMessage(EventId = LogEventIds.HostNetwork + 20, Level = LogLevel.Information, Message = "Node host network set up on {PrimaryInterface}: kernel settings, node rules, connmark backend {ConnmarkBackend}, external SNAT {ExternalSnat}")]
    public static partial void NodeHostNetworkSetUp(ILogger logger, string primaryInterface, string connmarkBackend, bool externalSnat);
}
