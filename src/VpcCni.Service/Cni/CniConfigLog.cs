using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Service.Cni;

/// <summary>Source-generated log messages of the CNI configuration writer (Service ids 12 to 15).</summary>
internal static partial class CniConfigLog
{
    [LoggerMessage(EventId = LogEventIds.Service + 12, Level = LogLevel.Information, Message = "Wrote the CNI configuration {Path}: network {NetworkName}, plugins {Plugins}")]
    public static partial void Written(ILogger logger, string path, string networkName, string plugins);

    [LoggerMessage(EventId = LogEventIds.Service + 13, Level = LogLevel.Information, Message = "The CNI configuration {Path} waits until the node is ready: {Reason}")]
    public static partial void Waiting(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = LogEventIds.Service + 14, Level = LogLevel.Error, Message = "Could not write the CNI configuration {Path}; trying again in {RetryInterval}")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string path, TimeSpan retryInterval);

    [LoggerMessage(EventId = LogEventIds.Service + 15, Level = LogLevel.Information, Message = "Not writing a CNI configuration: {Reason}")]
    public static partial void NotWriting(ILogger logger, string reason);
}
