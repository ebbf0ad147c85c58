using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Service.Node;

/// <summary>Log messages about where the node's ENIs and addresses come from: excluded subnets, subnet fallbacks, custom networking.</summary>
internal static partial class NodePlacementLog
{
    [LoggerMessage(EventId = LogEventIds.Service + 62, Level = LogLevel.Information, Message = "The subnet of ENI {EniId} has no address left; growth moves on: {Reason}")]
    public static partial void GrowingElsewhere(ILogger logger, string eniId, string reason);

    [LoggerMessage(EventId = LogEventIds.Service + 63, Level = LogLevel.Information, Message = "ENI {EniId} is in subnet {SubnetId}, tagged kubernetes.io/role/cni=0: it stays attached but gets no pod addresses")]
    public static partial void EniExcluded(ILogger logger, string eniId, string subnetId);

    [LoggerMessage(EventId = LogEventIds.Service + 64, Level = LogLevel.Warning, Message = "Could not read the tags of the attached ENIs' subnets ({ErrorId}); no ENI is treated as excluded")]
    public static partial void ExclusionUnknown(ILogger logger, string errorId, Exception exception);

    [LoggerMessage(EventId = LogEventIds.Service + 67, Level = LogLevel.Information, Message = "Network card {NetworkCard} is managed with {EniCount} ENIs (limit {EniLimit}); it keeps one warm and one minimum address")]
    public static partial void CardManaged(ILogger logger, int networkCard, int eniCount, int eniLimit);

    [LoggerMessage(EventId = LogEventIds.Service + 68, Level = LogLevel.Information, Message = "Left ENI {EniId} alone: it is on network card {NetworkCard}, and ENABLE_MULTI_NIC is off")]
    public static partial void CardNotManaged(ILogger logger, string eniId, int networkCard);
}
