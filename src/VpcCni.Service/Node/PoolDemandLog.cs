using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Planning;

namespace VpcCni.Service.Node;

/// <summary>Source-generated log messages of demand-driven growth: AddNetwork calls that wait, and the plans made for them.</summary>
internal static partial class PoolDemandLog
{
    [LoggerMessage(EventId = LogEventIds.Service + 88, Level = LogLevel.Information, Message = "AddNetwork for {Key} found the pool empty; waiting up to {Wait} for the pool to grow ({Waiting} calls waiting)")]
    public static partial void Waiting(ILogger logger, IpamKey key, TimeSpan wait, int waiting);

    [LoggerMessage(EventId = LogEventIds.Service + 89, Level = LogLevel.Information, Message = "AddNetwork for {Key} got an address after waiting {Waited}")]
    public static partial void Served(ILogger logger, IpamKey key, TimeSpan waited);

    [LoggerMessage(EventId = LogEventIds.Service + 90, Level = LogLevel.Warning, Message = "AddNetwork for {Key} waited {Waited} and the pool is still empty")]
    public static partial void WaitedInVain(ILogger logger, IpamKey key, TimeSpan waited);

    [LoggerMessage(EventId = LogEventIds.Service + 91, Level = LogLevel.Information, Message = "{Waiting} calls wait for an address; growing with {ActionCount} actions side by side: {Plan}")]
    public static partial void GrowingForDemand(ILogger logger, int waiting, int actionCount, PoolPlan plan);

    [LoggerMessage(EventId = LogEventIds.Service + 92, Level = LogLevel.Warning, Message = "Growth for waiting calls failed; it is tried again at the next tick")]
    public static partial void DemandGrowthHeld(ILogger logger);
}
