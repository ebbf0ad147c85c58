using Microsoft.Extensions.Logging;

namespace VpcCni.Engine.Aws;

/// <summary>Log messages of the IMDS client (event ids 3100–3199). The token itself is never logged.</summary>
internal static partial class ImdsLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "IMDS token obtained, valid for {TtlSeconds} s")]
    public static partial void TokenObtained(ILogger logger, int ttlSeconds);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "IMDS rejected the session token for {Path} (HTTP 401); fetching a new token once")]
    public static partial void TokenRejected(ILogger logger, string path);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug, Message = "IMDS {Operation} attempt {Attempt} failed ({Reason}); retrying in {DelayMs:F0} ms")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string reason, double delayMs);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "IMDS {Method} {Path} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Debug, Message = "IMDS lists MAC {Mac} without {Key} yet; leaving it out of the ENI list")]
    public static partial void InterfaceIncomplete(ILogger logger, string mac, string key);
}
