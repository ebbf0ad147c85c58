using System.Net;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;
using VpcCni.Engine.Ipam;

namespace VpcCni.Service.Rpc;

/// <summary>Source-generated log messages of the gRPC edge and the IPAM socket.</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(EventId = LogEventIds.Service + 0, Level = LogLevel.Information, Message = "AddNetwork for {Key} ({PodNamespace}/{PodName}) from plugin {ClientVersion}")]
    public static partial void AddNetworkReceived(ILogger logger, IpamKey key, string podNamespace, string podName, string clientVersion);

    [LoggerMessage(EventId = LogEventIds.Service + 1, Level = LogLevel.Information, Message = "AddNetwork for {Key} answered {Address} on device {DeviceNumber} (table {RouteTableId}, repeat {WasAlreadyAssigned})")]
    public static partial void AddNetworkAnswered(ILogger logger, IpamKey key, IPAddress address, int deviceNumber, int routeTableId, bool wasAlreadyAssigned);

    [LoggerMessage(EventId = LogEventIds.Service + 2, Level = LogLevel.Warning, Message = "AddNetwork for {Key} answered Success=false: {Reason}")]
    public static partial void AddNetworkNoAddress(ILogger logger, IpamKey key, string reason);

    [LoggerMessage(EventId = LogEventIds.Service + 3, Level = LogLevel.Information, Message = "DelNetwork for {Key} ({Reason}) from plugin {ClientVersion}")]
    public static partial void DelNetworkReceived(ILogger logger, IpamKey key, string reason, string clientVersion);

    [LoggerMessage(EventId = LogEventIds.Service + 4, Level = LogLevel.Information, Message = "DelNetwork for {Key} released {Address}")]
    public static partial void DelNetworkReleased(ILogger logger, IpamKey key, IPAddress address);

    [LoggerMessage(EventId = LogEventIds.Service + 5, Level = LogLevel.Information, Message = "DelNetwork for {Key}: no address is assigned; answering success")]
    public static partial void DelNetworkUnknownPod(ILogger logger, IpamKey key);

    [LoggerMessage(EventId = LogEventIds.Service + 6, Level = LogLevel.Warning, Message = "{Method} failed with {ErrorId}; answering {StatusCode}")]
    public static partial void CallFailed(ILogger logger, Exception exception, string method, string errorId, Grpc.Core.StatusCode statusCode);

    [LoggerMessage(EventId = LogEventIds.Service + 7, Level = LogLevel.Information, Message = "Removed the stale socket file {Path} left by an earlier run")]
    public static partial void StaleSocketRemoved(ILogger logger, string path);

    [LoggerMessage(EventId = LogEventIds.Service + 8, Level = LogLevel.Information, Message = "Serving gRPC on {Path} (mode {Mode})")]
    public static partial void SocketReady(ILogger logger, string path, string mode);

    [LoggerMessage(EventId = LogEventIds.Service + 9, Level = LogLevel.Error, Message = "{Method} failed unexpectedly; answering Internal")]
    public static partial void CallCrashed(ILogger logger, Exception exception, string method);
}
