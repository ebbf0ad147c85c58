using System.Net;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Engine.Ipam;

/// <summary>Source-generated log messages of the IPAM datastore (range <see cref="LogEventIds.Datastore"/>).</summary>
internal static partial class IpamLog
{
    [LoggerMessage(EventId = LogEventIds.Datastore + 0, Level = LogLevel.Information, Message = "Assigned {Address} on {EniId} to {Key} ({PodNamespace}/{PodName})")]
    public static partial void Assigned(ILogger logger, IPAddress address, string eniId, IpamKey key, string podNamespace, string podName);

    [LoggerMessage(EventId = LogEventIds.Datastore + 1, Level = LogLevel.Information, Message = "Unassigned {Address} on {EniId} from {Key}; cooling for {Cooldown}")]
    public static partial void Unassigned(ILogger logger, IPAddress address, string eniId, IpamKey key, TimeSpan cooldown);

    [LoggerMessage(EventId = LogEventIds.Datastore + 2, Level = LogLevel.Error, Message = "Checkpoint write failed; rolled back the change for {Key}")]
    public static partial void CheckpointRolledBack(ILogger logger, Exception exception, IpamKey key);

    [LoggerMessage(EventId = LogEventIds.Datastore + 3, Level = LogLevel.Warning, Message = "Force-removed {Cidr} from {EniId} with {Count} assigned addresses")]
    public static partial void ForceRemoved(ILogger logger, IPNetwork cidr, string eniId, int count);

    [LoggerMessage(EventId = LogEventIds.Datastore + 4, Level = LogLevel.Information, Message = "Added ENI {EniId} (device {DeviceNumber}) to the datastore of card {NetworkCard}")]
    public static partial void EniAdded(ILogger logger, string eniId, int deviceNumber, int networkCard);

    [LoggerMessage(EventId = LogEventIds.Datastore + 5, Level = LogLevel.Information, Message = "Removed ENI {EniId} from the datastore of card {NetworkCard}")]
    public static partial void EniRemoved(ILogger logger, string eniId, int networkCard);
}
