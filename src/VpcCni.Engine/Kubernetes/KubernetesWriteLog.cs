using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Engine.Kubernetes;

/// <summary>The log events of <see cref="KubernetesClusterWriter"/> (<see cref="LogEventIds.Kubernetes"/> + 50..69).</summary>
internal static partial class KubernetesWriteLog
{
    [LoggerMessage(EventId = LogEventIds.Kubernetes + 50, Level = LogLevel.Debug, Message = "Pod {Namespace}/{Name}: annotation {Key} set to {Value}")]
    public static partial void Annotated(ILogger logger, string @namespace, string name, string key, string value);

    [LoggerMessage(EventId = LogEventIds.Kubernetes + 51, Level = LogLevel.Debug, Message = "Pod {Namespace}/{Name} is gone (404); annotation {Key} not written")]
    public static partial void PodGone(ILogger logger, string @namespace, string name, string key);

    [LoggerMessage(EventId = LogEventIds.Kubernetes + 52, Level = LogLevel.Debug, Message = "{Type} Event {Reason} created on {Kind} {Namespace}/{Name} (count {Count})")]
    public static partial void EventCreated(ILogger logger, string type, string reason, string kind, string @namespace, string name, int count);
}
