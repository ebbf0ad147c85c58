using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Service.Introspection;

/// <summary>Source-generated log messages of the introspection listener (Service ids 50 to 59; metrics use 60 to 69).</summary>
internal static partial class IntrospectionLog
{
    [LoggerMessage(EventId = LogEventIds.Service + 50, Level = LogLevel.Debug, Message = "Introspection {Method} {Path} from {Remote}")]
    public static partial void Request(ILogger logger, string method, string path, System.Net.IPAddress? remote);

    [LoggerMessage(EventId = LogEventIds.Service + 51, Level = LogLevel.Information, Message = "Serving introspection on {Address}")]
    public static partial void IntrospectionListening(ILogger logger, HttpBindAddress address);

    [LoggerMessage(EventId = LogEventIds.Service + 52, Level = LogLevel.Information, Message = "Introspection is disabled (DISABLE_INTROSPECTION)")]
    public static partial void IntrospectionDisabled(ILogger logger);

    [LoggerMessage(EventId = LogEventIds.Service + 53, Level = LogLevel.Information, Message = "Not ready: {Reason}")]
    public static partial void NotReady(ILogger logger, string reason);
}
