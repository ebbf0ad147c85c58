using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;
using VpcCni.Service.Introspection;

namespace VpcCni.Service.Metrics;

/// <summary>Source-generated log messages of the metrics listener (Service ids 60 to 69).</summary>
internal static partial class MetricsLog
{
    [LoggerMessage(EventId = LogEventIds.Service + 60, Level = LogLevel.Information, Message = "Serving Prometheus metrics on {Address}/metrics")]
    public static partial void Listening(ILogger logger, HttpBindAddress address);

    [LoggerMessage(EventId = LogEventIds.Service + 61, Level = LogLevel.Information, Message = "Prometheus metrics are disabled (DISABLE_METRICS)")]
    public static partial void Disabled(ILogger logger);
}
