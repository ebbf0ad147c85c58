using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>The loopback API server's log events (<see cref="LogEventIds.Simulator"/> + 50..99).</summary>
internal static partial class KubernetesApiLog
{
    [LoggerMessage(EventId = LogEventIds.Simulator + 50, Level = LogLevel.Information, Message = "Loopback Kubernetes API serving at {Endpoint}")]
    public static partial void Started(ILogger logger, Uri endpoint);

    [LoggerMessage(EventId = LogEventIds.Simulator + 51, Level = LogLevel.Information, Message = "Loopback Kubernetes API stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = LogEventIds.Simulator + 52, Level = LogLevel.Information, Message = "Loopback Kubernetes API is now {State}")]
    public static partial void Reachability(ILogger logger, string state);

    [LoggerMessage(EventId = LogEventIds.Simulator + 53, Level = LogLevel.Information, Message = "Loopback Kubernetes API loaded {Count} objects from manifests")]
    public static partial void Loaded(ILogger logger, int count);

    [LoggerMessage(EventId = LogEventIds.Simulator + 54, Level = LogLevel.Information, Message = "Loopback Kubernetes API dropped its watch history at resource version {ResourceVersion}")]
    public static partial void Compacted(ILogger logger, long resourceVersion);
}
