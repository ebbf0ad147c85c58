using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>Source-generated log messages of checkpoint restore (range <see cref="LogEventIds.Checkpoint"/>).</summary>
internal static partial class CheckpointLog
{
    [LoggerMessage(EventId = LogEventIds.Checkpoint + 0, Level = LogLevel.Warning, Message = "Restore dropped {Address} of {Key}: {Reason}")]
    public static partial void RestoreDropped(ILogger logger, string address, IpamKey key, DropReason reason);

    [LoggerMessage(EventId = LogEventIds.Checkpoint + 1, Level = LogLevel.Information, Message = "Restored {Restored} assignments from the checkpoint, dropped {Dropped}, kept {Kept} it could not place")]
    public static partial void Restored(ILogger logger, int restored, int dropped, int kept);

    [LoggerMessage(EventId = LogEventIds.Checkpoint + 2, Level = LogLevel.Warning, Message = "Restore kept {Address} of {Key} in the checkpoint without placing it: {Reason}")]
    public static partial void RestoreKept(ILogger logger, string address, IpamKey key, KeepReason reason);
}
