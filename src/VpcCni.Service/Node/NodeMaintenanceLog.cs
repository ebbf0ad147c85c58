using System.Net;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Service.Node;

/// <summary>Source-generated log messages of the leaked-ENI cleanup and the datastore reconciliation.</summary>
internal static partial class NodeMaintenanceLog
{
    [LoggerMessage(EventId = LogEventIds.Service + 40, Level = LogLevel.Information, Message = "Deleted leaked ENI {EniId} (created {CreatedAt})")]
    public static partial void LeakedEniDeleted(ILogger logger, string eniId, string createdAt);

    [LoggerMessage(EventId = LogEventIds.Service + 41, Level = LogLevel.Warning, Message = "Leaked-ENI cleanup failed with {ErrorId}; the next run tries again")]
    public static partial void LeakedEniCleanupFailed(ILogger logger, Exception exception, string errorId);

    [LoggerMessage(EventId = LogEventIds.Service + 42, Level = LogLevel.Information, Message = "Leaked-ENI cleanup is off (DISABLE_LEAKED_ENI_CLEANUP, IPv6 or DISABLE_NETWORK_RESOURCE_PROVISIONING)")]
    public static partial void LeakedEniCleanupDisabled(ILogger logger);

    [LoggerMessage(EventId = LogEventIds.Service + 43, Level = LogLevel.Information, Message = "Reconcile: {Cidr} is on ENI {EniId} in EC2 but was not in the datastore; added")]
    public static partial void CidrAdded(ILogger logger, string eniId, IPNetwork cidr);

    [LoggerMessage(EventId = LogEventIds.Service + 44, Level = LogLevel.Information, Message = "Reconcile: {Cidr} is no longer on ENI {EniId}; removed from the datastore")]
    public static partial void CidrRemoved(ILogger logger, string eniId, IPNetwork cidr);

    [LoggerMessage(EventId = LogEventIds.Service + 45, Level = LogLevel.Warning, Message = "Reconcile: {Cidr} is no longer on ENI {EniId} but {Assigned} pods hold addresses in it; kept until they are deleted")]
    public static partial void CidrHeld(ILogger logger, string eniId, IPNetwork cidr, int assigned);

    [LoggerMessage(EventId = LogEventIds.Service + 46, Level = LogLevel.Information, Message = "Reconcile: ENI {EniId} is no longer attached; removed from the datastore")]
    public static partial void EniRemoved(ILogger logger, string eniId);

    [LoggerMessage(EventId = LogEventIds.Service + 47, Level = LogLevel.Warning, Message = "Reconcile: ENI {EniId} is no longer attached but {Assigned} pods hold its addresses; kept until they are deleted")]
    public static partial void EniHeld(ILogger logger, string eniId, int assigned);

    [LoggerMessage(EventId = LogEventIds.Service + 48, Level = LogLevel.Warning, Message = "Reconcile failed with {ErrorId}; the next one tries again")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception, string errorId);

    [LoggerMessage(EventId = LogEventIds.Service + 49, Level = LogLevel.Warning, Message = "Could not delete leaked ENI {EniId} ({ErrorId}); the next run tries again")]
    public static partial void LeakedEniDeleteFailed(ILogger logger, Exception exception, string eniId, string errorId);

    [LoggerMessage(EventId = LogEventIds.Service + 55, Level = LogLevel.Information, Message = "Reconcile: {Cidr} is on ENI {EniId} in EC2, but the pool released it at {ReleasedAt}; not added back before {Until}")]
    public static partial void CidrRecentlyReleased(ILogger logger, string eniId, System.Net.IPNetwork cidr, DateTimeOffset releasedAt, DateTimeOffset until);

    [LoggerMessage(EventId = LogEventIds.Service + 54, Level = LogLevel.Information, Message = "Reconcile: ENI {EniId} at device {DeviceNumber} is attached but was not in the datastore; added with {CidrCount} addresses or prefixes")]
    public static partial void EniAdopted(ILogger logger, string eniId, int deviceNumber, int cidrCount);
}
