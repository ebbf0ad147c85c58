using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Service.Kubernetes;

/// <summary>The service's Kubernetes log events (<see cref="LogEventIds.Service"/> + 93..99 and 73..79).</summary>
internal static partial class KubernetesServiceLog
{
    [LoggerMessage(EventId = LogEventIds.Service + 93, Level = LogLevel.Information, Message = "Reading the cluster through the Kubernetes API at {Server} as node {NodeName}")]
    public static partial void Using(ILogger logger, Uri server, string nodeName);

    [LoggerMessage(EventId = LogEventIds.Service + 94, Level = LogLevel.Information, Message = "No Kubernetes API configured ({Why}); custom networking reads the local ENIConfig directory and the ConfigMap is not read")]
    public static partial void NotUsing(ILogger logger, string why);

    [LoggerMessage(EventId = LogEventIds.Service + 95, Level = LogLevel.Warning, Message = "Kubernetes API unreachable since {Since:O} ({Error}); pods keep being served from the addresses and the cluster state the node already has")]
    public static partial void Unreachable(ILogger logger, DateTimeOffset since, string error);

    [LoggerMessage(EventId = LogEventIds.Service + 96, Level = LogLevel.Information, Message = "Kubernetes API reachable again after {Outage}")]
    public static partial void Reachable(ILogger logger, TimeSpan outage);

    [LoggerMessage(EventId = LogEventIds.Service + 97, Level = LogLevel.Warning, Message = "The ConfigMap was not read within {Timeout}; settings start without it and follow it once it arrives (variables that need a restart then wait for one)")]
    public static partial void ConfigMapLate(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = LogEventIds.Service + 98, Level = LogLevel.Information, Message = "The ConfigMap changed; settings reloaded: live {Live}, restart needed {Restart}")]
    public static partial void ConfigMapApplied(ILogger logger, IReadOnlyList<string> live, IReadOnlyList<string> restart);
}
