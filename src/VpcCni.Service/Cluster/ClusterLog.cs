using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Service.Cluster;

/// <summary>The log events of the service's writes to the cluster and its cordon handling (<see cref="LogEventIds.ServiceCluster"/> + 50..99).</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 50, Level = LogLevel.Warning, Message = "Node {NodeName} is unschedulable (node.kubernetes.io/unschedulable:NoSchedule): the pool neither grows nor frees ENIs until it is uncordoned (AWS_MANAGE_ENIS_NON_SCHEDULABLE is off); free addresses are still handed out")]
    public static partial void NodeUnschedulable(ILogger logger, string nodeName);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 51, Level = LogLevel.Information, Message = "Node {NodeName} is unschedulable (node.kubernetes.io/unschedulable:NoSchedule); the pool keeps managing ENIs (AWS_MANAGE_ENIS_NON_SCHEDULABLE=true)")]
    public static partial void NodeUnschedulableManaged(ILogger logger, string nodeName);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 52, Level = LogLevel.Information, Message = "Node {NodeName} is schedulable again; the pool follows its targets")]
    public static partial void NodeSchedulable(ILogger logger, string nodeName);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 53, Level = LogLevel.Debug, Message = "Pod {Namespace}/{Name}: the vpc.amazonaws.com/pod-ips patch did not finish within {Wait}; it goes on in the background")]
    public static partial void AnnotationInBackground(ILogger logger, string @namespace, string name, TimeSpan wait);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 54, Level = LogLevel.Warning, Message = "Pod {Namespace}/{Name}: could not write vpc.amazonaws.com/pod-ips={Value} ({Error}); the pod is served all the same")]
    public static partial void AnnotationFailed(ILogger logger, string @namespace, string name, string value, string error);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 55, Level = LogLevel.Debug, Message = "Pod {Namespace}/{Name}: vpc.amazonaws.com/pod-ips is {Current}, not the released {Released}; left as it is")]
    public static partial void AnnotationKept(ILogger logger, string @namespace, string name, string current, string released);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 56, Level = LogLevel.Error, Message = "EC2 refused ec2:{Action} (UnauthorizedOperation) {Count} time(s): the node's IAM role lacks it (docs/iam.md lists the policy a node needs); a Kubernetes Event follows: {Posting}. Repeats are counted, and reported again after Cluster:EventInterval")]
    public static partial void MissingPermission(ILogger logger, string action, int count, bool posting);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 57, Level = LogLevel.Warning, Message = "Could not post the {Reason} Event for ec2:{Action}: {Error}")]
    public static partial void EventFailed(ILogger logger, string reason, string action, string error);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 58, Level = LogLevel.Warning, Message = "The Event queue is full; the Event for ec2:{Action} is dropped (the log line stands)")]
    public static partial void EventDropped(ILogger logger, string action);
}
