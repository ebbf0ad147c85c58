using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Engine.Aws;

/// <summary>Log messages of the IMDS client (range <see cref="LogEventIds.Imds"/>). The token itself is never logged.</summary>
internal static partial class ImdsLog
{
    [LoggerMessage(EventId = LogEventIds.Imds + 0, Level = LogLevel.Debug, Message = "IMDS token obtained, valid for {TtlSeconds} s")]
    public static partial void TokenObtained(ILogger logger, int ttlSeconds);

    [LoggerMessage(EventId = LogEventIds.Imds + 1, Level = LogLevel.Information, Message = "IMDS rejected the session token for {Path} (HTTP 401); fetching a new token once")]
    public static partial void TokenRejected(ILogger logger, string path);

    [LoggerMessage(EventId = LogEventIds.Imds + 2, Level = LogLevel.Debug, Message = "IMDS {Operation} attempt {Attempt} failed ({Reason}); retrying in {DelayMs:F0} ms")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string reason, double delayMs);

    [LoggerMessage(EventId = LogEventIds.Imds + 3, Level = LogLevel.Warning, Message = "IMDS {Method} {Path} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = LogEventIds.Imds + 4, Level = LogLevel.Debug, Message = "IMDS lists MAC {Mac} without {Key} yet; leaving it out of the ENI list")]
    public static partial void InterfaceIncomplete(ILogger logger, string mac, string key);
}
