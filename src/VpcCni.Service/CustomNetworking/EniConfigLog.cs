using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Service.CustomNetworking;

/// <summary>Log messages of the local ENIConfig source.</summary>
internal static partial class EniConfigLog
{
    [LoggerMessage(EventId = LogEventIds.Service + 65, Level = LogLevel.Warning, Message = "Skipped ENIConfig manifest {File} ({ErrorId}): {Reason}")]
    public static partial void ManifestSkipped(ILogger logger, string file, string errorId, string reason);

    [LoggerMessage(EventId = LogEventIds.Service + 66, Level = LogLevel.Warning, Message = "ENIConfig {Name} in {File} is defined by an earlier manifest too; the earlier one is used")]
    public static partial void DuplicateName(ILogger logger, string name, string file);
}
