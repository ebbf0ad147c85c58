using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Planning;

namespace VpcCni.Service.Node;

/// <summary>Source-generated log messages of node initialisation and the warm-pool loop.</summary>
internal static partial class NodeLog
{
    [LoggerMessage(EventId = LogEventIds.Service + 20, Level = LogLevel.Information, Message = "Initialising node {InstanceId} ({InstanceType} in {Region}), primary MAC {Mac}")]
    public static partial void Initialising(ILogger logger, string instanceId, string instanceType, string region, string mac);

    [LoggerMessage(EventId = LogEventIds.Service + 21, Level = LogLevel.Information, Message = "Instance type {InstanceType}: {EniLimit} ENIs with {Ipv4PerEni} IPv4 addresses each")]
    public static partial void Limits(ILogger logger, string instanceType, int eniLimit, int ipv4PerEni);

    [LoggerMessage(EventId = LogEventIds.Service + 22, Level = LogLevel.Information, Message = "ENI {EniId} at device {DeviceNumber} added with {CidrCount} addresses or prefixes (primary {IsPrimary}, trunk {IsTrunk}, EFA {IsEfa})")]
    public static partial void EniAdded(ILogger logger, string eniId, int deviceNumber, int cidrCount, bool isPrimary, bool isTrunk, bool isEfa);

    [LoggerMessage(EventId = LogEventIds.Service + 23, Level = LogLevel.Information, Message = "ENI {EniId} at device {DeviceNumber} is left alone: {Reason}")]
    public static partial void EniSkipped(ILogger logger, string eniId, int deviceNumber, string reason);

    [LoggerMessage(EventId = LogEventIds.Service + 24, Level = LogLevel.Information, Message = "Checkpoint restored: {Restored} assignments back, {Dropped} dropped, {Kept} kept unplaced")]
    public static partial void Restored(ILogger logger, int restored, int dropped, int kept);

    [LoggerMessage(EventId = LogEventIds.Service + 25, Level = LogLevel.Information, Message = "Node initialised: {Managed} ENIs managed, {Unmanaged} left alone; pool {Stats}")]
    public static partial void Initialised(ILogger logger, int managed, int unmanaged, IpamStats stats);

    [LoggerMessage(EventId = LogEventIds.Service + 26, Level = LogLevel.Information, Message = "Node initialisation and the pool loop are off (NodeLoop:Enabled is false)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = LogEventIds.Service + 30, Level = LogLevel.Debug, Message = "Pool tick, nothing to do: {Plan}")]
    public static partial void TickIdle(ILogger logger, PoolPlan plan);

    [LoggerMessage(EventId = LogEventIds.Service + 31, Level = LogLevel.Information, Message = "Pool tick carries out {ActionCount} actions: {Plan}")]
    public static partial void TickActing(ILogger logger, int actionCount, PoolPlan plan);

    [LoggerMessage(EventId = LogEventIds.Service + 32, Level = LogLevel.Warning, Message = "Pool action {Action} failed with {ErrorId}: {Reason}")]
    public static partial void ActionFailed(ILogger logger, string action, string errorId, string reason);

    [LoggerMessage(EventId = LogEventIds.Service + 33, Level = LogLevel.Warning, Message = "EC2 answered {Code}: the subnet is short of addresses, so the pool does not grow until {Until}")]
    public static partial void GrowthPaused(ILogger logger, string code, DateTimeOffset until);

    [LoggerMessage(EventId = LogEventIds.Service + 34, Level = LogLevel.Error, Message = "Pool tick failed with {ErrorId}; the next tick tries again")]
    public static partial void TickFailed(ILogger logger, Exception exception, string errorId);

    [LoggerMessage(EventId = LogEventIds.Service + 35, Level = LogLevel.Information, Message = "Network resource provisioning is disabled; the pool loop changes nothing")]
    public static partial void ProvisioningDisabled(ILogger logger);
}
