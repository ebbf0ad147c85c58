using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Service.SecurityGroups;

/// <summary>Security groups for pods in the service (<see cref="LogEventIds.ServiceCluster"/> + 0..49).</summary>
internal static partial class PodEniLog
{
    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 0, Level = LogLevel.Information, Message = "CNINode {NodeName} now lists {Features}: the VPC resource controller may attach a trunk ENI")]
    public static partial void FeaturesSignalled(ILogger logger, string nodeName, string features);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 1, Level = LogLevel.Warning, Message = "Security groups for pods could not be enabled on CNINode {NodeName} ({ErrorId}); the pool loop tries again")]
    public static partial void SignalFailed(ILogger logger, Exception exception, string nodeName, string errorId);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 2, Level = LogLevel.Information, Message = "Security groups for pods wait for a trunk ENI, which is not requested: {Reason}")]
    public static partial void SignalWithheld(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 3, Level = LogLevel.Information, Message = "Trunk ENI {EniId} (device {DeviceNumber}) is attached; branch pods get host link {LinkIndex} as their VLAN parent")]
    public static partial void TrunkRecorded(ILogger logger, string eniId, int deviceNumber, int linkIndex);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 4, Level = LogLevel.Warning, Message = "The host link of trunk ENI {EniId} was not found ({ErrorId}); the pool loop tries again")]
    public static partial void TrunkLinkUnknown(ILogger logger, Exception exception, string eniId, string errorId);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 5, Level = LogLevel.Information, Message = "AddNetwork {PodNamespace}/{PodName}: branch ENI {EniId}, VLAN {VlanId}, address {Address}, gateway {Gateway}, trunk link {ParentIfIndex}; the pool is not used")]
    public static partial void BranchAnswered(ILogger logger, string podNamespace, string podName, string eniId, int vlanId, string address, string gateway, int parentIfIndex);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 6, Level = LogLevel.Warning, Message = "AddNetwork {PodNamespace}/{PodName} has branch ENI {EniId} but no trunk ENI is attached to this node yet; answering Success=false (the kubelet retries)")]
    public static partial void NoTrunkYet(ILogger logger, string podNamespace, string podName, string eniId);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 7, Level = LogLevel.Error, Message = "AddNetwork {PodNamespace}/{PodName}: {ErrorId}: {Problem}; answering Success=false, nothing allocated")]
    public static partial void BadAnnotation(ILogger logger, string podNamespace, string podName, string errorId, string problem);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 8, Level = LogLevel.Warning, Message = "AddNetwork {PodNamespace}/{PodName} requests vpc.amazonaws.com/pod-eni but has no branch ENI annotation yet; answering Success=false (the kubelet retries)")]
    public static partial void BranchNotYetAnnotated(ILogger logger, string podNamespace, string podName);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 9, Level = LogLevel.Warning, Message = "AddNetwork {PodNamespace}/{PodName}: the pod is neither in the node's pod view nor at the API server ({Why}); answering Success=false (the kubelet retries)")]
    public static partial void PodUnknown(ILogger logger, string podNamespace, string podName, string why);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 10, Level = LogLevel.Debug, Message = "Pod {PodNamespace}/{PodName} read from the API server: the pod view {Why}")]
    public static partial void PodFetched(ILogger logger, string podNamespace, string podName, string why);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 11, Level = LogLevel.Warning, Message = "Pod {PodNamespace}/{PodName} could not be read from the API server ({Error}); using the pod view")]
    public static partial void PodFetchFailed(ILogger logger, string podNamespace, string podName, string error);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 12, Level = LogLevel.Information, Message = "DelNetwork {PodNamespace}/{PodName}: branch ENI {EniId}, VLAN {VlanId}, address {Address}; the plugin removes the VLAN link")]
    public static partial void BranchReleased(ILogger logger, string podNamespace, string podName, string eniId, int vlanId, string address);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 13, Level = LogLevel.Warning, Message = "DelNetwork {PodNamespace}/{PodName}: the request's pod UID {RequestUid} is not the pod's {PodUid}; a newer pod of that name owns the branch ENI, so no VLAN is named")]
    public static partial void UidMismatch(ILogger logger, string podNamespace, string podName, string requestUid, string podUid);

    [LoggerMessage(EventId = LogEventIds.ServiceCluster + 14, Level = LogLevel.Warning, Message = "DelNetwork {PodNamespace}/{PodName}: {ErrorId}: {Problem}; nothing to name")]
    public static partial void BadAnnotationOnDel(ILogger logger, string podNamespace, string podName, string errorId, string problem);
}
