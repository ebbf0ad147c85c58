using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>The simulated VPC resource controller's log events (<see cref="LogEventIds.Simulator"/> + 20..39).</summary>
internal static partial class ResourceControllerLog
{
    [LoggerMessage(EventId = LogEventIds.Simulator + 20, Level = LogLevel.Information, Message = "Resource controller: trunk ENI {EniId} attached to {InstanceId} (node {NodeName}) at device {DeviceIndex}")]
    public static partial void TrunkAttached(ILogger logger, string eniId, string instanceId, string nodeName, int deviceIndex);

    [LoggerMessage(EventId = LogEventIds.Simulator + 21, Level = LogLevel.Warning, Message = "Resource controller: node {NodeName} asks for a trunk ENI but {Problem}")]
    public static partial void TrunkRefused(ILogger logger, string nodeName, string problem);

    [LoggerMessage(EventId = LogEventIds.Simulator + 22, Level = LogLevel.Information, Message = "Resource controller: branch ENI {EniId} (VLAN {VlanId}, {Address}, groups {Groups}) for pod {PodNamespace}/{PodName}")]
    public static partial void BranchCreated(ILogger logger, string eniId, int vlanId, string address, string groups, string podNamespace, string podName);

    [LoggerMessage(EventId = LogEventIds.Simulator + 23, Level = LogLevel.Information, Message = "Resource controller: branch ENI {EniId} (VLAN {VlanId}) deleted with pod {PodKey}")]
    public static partial void BranchDeleted(ILogger logger, string eniId, int vlanId, string podKey);

    [LoggerMessage(EventId = LogEventIds.Simulator + 24, Level = LogLevel.Warning, Message = "Resource controller: no branch ENI for pod {PodNamespace}/{PodName}: {Problem}")]
    public static partial void BranchRefused(ILogger logger, string podNamespace, string podName, string problem);
}
