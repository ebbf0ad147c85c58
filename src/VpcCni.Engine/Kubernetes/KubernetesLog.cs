using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Engine.Kubernetes;

/// <summary>The Kubernetes adapters' log events (<see cref="LogEventIds.Kubernetes"/> + 0..99).</summary>
internal static partial class KubernetesLog
{
    [LoggerMessage(EventId = LogEventIds.Kubernetes + 0, Level = LogLevel.Debug, Message = "Listed {Resource}: {Count} objects at resource version {ResourceVersion}")]
    public static partial void Listed(ILogger logger, string resource, int count, string resourceVersion);

    [LoggerMessage(EventId = LogEventIds.Kubernetes + 1, Level = LogLevel.Warning, Message = "Kubernetes API unreachable for {Resource} ({Error}); serving the last state seen (resource version {ResourceVersion}), retrying in {RetryIn}")]
    public static partial void Unreachable(ILogger logger, string resource, string error, string resourceVersion, TimeSpan retryIn);

    [LoggerMessage(EventId = LogEventIds.Kubernetes + 2, Level = LogLevel.Information, Message = "Watch of {Resource} expired at resource version {ResourceVersion} (410 Gone); listing again")]
    public static partial void Expired(ILogger logger, string resource, string resourceVersion);

    [LoggerMessage(EventId = LogEventIds.Kubernetes + 3, Level = LogLevel.Information, Message = "Kubernetes API reachable again for {Resource} after {Outage}; resuming from resource version {ResourceVersion}")]
    public static partial void Recovered(ILogger logger, string resource, TimeSpan outage, string resourceVersion);

    [LoggerMessage(EventId = LogEventIds.Kubernetes + 4, Level = LogLevel.Information, Message = "Kubernetes API client for {Server} (from {Source})")]
    public static partial void ClientCreated(ILogger logger, string server, string source);

    [LoggerMessage(EventId = LogEventIds.Kubernetes + 5, Level = LogLevel.Warning, Message = "Watch of {Resource} sent an error event: {Message}")]
    public static partial void WatchError(ILogger logger, string resource, string message);
}
