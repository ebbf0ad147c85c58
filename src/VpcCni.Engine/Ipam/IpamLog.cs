using System.Net;
using Microsoft.Extensions.Logging;

namespace VpcCni.Engine.Ipam;

/// <summary>Source-generated log messages of the IPAM datastore (event ids 1100–1199).</summary>
internal static partial class IpamLog
{
    [LoggerMessage(1100, LogLevel.Information, "Assigned {Address} on {EniId} to {Key} ({PodNamespace}/{PodName})")]
    public static partial void Assigned(ILogger logger, IPAddress address, string eniId, IpamKey key, string podNamespace, string podName);

    [LoggerMessage(1101, LogLevel.Information, "Unassigned {Address} on {EniId} from {Key}; cooling for {Cooldown}")]
    public static partial void Unassigned(ILogger logger, IPAddress address, string eniId, IpamKey key, TimeSpan cooldown);

    [LoggerMessage(1102, LogLevel.Error, "Checkpoint write failed; rolled back the change for {Key}")]
    public static partial void CheckpointRolledBack(ILogger logger, Exception exception, IpamKey key);

    [LoggerMessage(1103, LogLevel.Warning, "Force-removed {Cidr} from {EniId} with {Count} assigned addresses")]
    public static partial void ForceRemoved(ILogger logger, IPNetwork cidr, string eniId, int count);

    [LoggerMessage(1104, LogLevel.Information, "Added ENI {EniId} (device {DeviceNumber}) to the datastore of card {NetworkCard}")]
    public static partial void EniAdded(ILogger logger, string eniId, int deviceNumber, int networkCard);

    [LoggerMessage(1105, LogLevel.Information, "Removed ENI {EniId} from the datastore of card {NetworkCard}")]
    public static partial void EniRemoved(ILogger logger, string eniId, int networkCard);

    [LoggerMessage(1106, LogLevel.Warning, "Restore dropped {Address} of {Key}: {Reason}")]
    public static partial void RestoreDropped(ILogger logger, string address, IpamKey key, Checkpoint.DropReason reason);

    [LoggerMessage(1107, LogLevel.Information, "Restored {Restored} assignments from the checkpoint, dropped {Dropped}")]
    public static partial void Restored(ILogger logger, int restored, int dropped);
}
