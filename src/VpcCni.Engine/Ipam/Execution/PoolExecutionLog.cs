using System.Net;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>Log messages of the pool executor and the ENI provider (range <see cref="LogEventIds.PoolExecution"/>).</summary>
internal static partial class PoolExecutionLog
{
    [LoggerMessage(EventId = LogEventIds.PoolExecution + 0, Level = LogLevel.Information, Message = "Created ENI {EniId} in {SubnetId} with {AddressCount} addresses and {PrefixCount} prefixes")]
    public static partial void EniCreated(ILogger logger, string eniId, string subnetId, int addressCount, int prefixCount);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 1, Level = LogLevel.Information, Message = "Attached ENI {EniId} at device {DeviceIndex} ({AttachmentId}) and set it up on the host")]
    public static partial void EniAttached(ILogger logger, string eniId, int deviceIndex, string attachmentId);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 2, Level = LogLevel.Warning, Message = "Setting up new ENI {EniId} failed ({Failure}); detaching and deleting it")]
    public static partial void EniCompensated(ILogger logger, string eniId, string failure, Exception exception);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 3, Level = LogLevel.Error, Message = "Could not delete ENI {EniId} after a failed set-up ({ErrorId}); it is left for the leaked-ENI cleanup")]
    public static partial void EniLeaked(ILogger logger, string eniId, string errorId, Exception exception);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 4, Level = LogLevel.Information, Message = "Detached and deleted ENI {EniId}")]
    public static partial void EniFreed(ILogger logger, string eniId);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 5, Level = LogLevel.Information, Message = "Added {Count} CIDRs to {EniId}: {Reason}")]
    public static partial void CidrsAdded(ILogger logger, int count, string eniId, string reason);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 6, Level = LogLevel.Information, Message = "Released {Count} CIDRs of {EniId}: {Reason}")]
    public static partial void CidrsReleased(ILogger logger, int count, string eniId, string reason);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 7, Level = LogLevel.Debug, Message = "Kept {Cidr} on {EniId}: a pod took an address in it since the plan was made")]
    public static partial void CidrKept(ILogger logger, IPNetwork cidr, string eniId);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 8, Level = LogLevel.Warning, Message = "EC2 did not take back {Count} CIDRs of {EniId} ({ErrorId}); they stay on the ENI outside the pool until the next reconcile")]
    public static partial void ReleaseFailed(ILogger logger, int count, string eniId, string errorId, Exception exception);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 9, Level = LogLevel.Warning, Message = "Pool action {Action} failed with {ErrorId}: {ErrorMessage}")]
    public static partial void ActionFailed(ILogger logger, string action, string errorId, string errorMessage, Exception exception);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 10, Level = LogLevel.Information, Message = "Freed ENI {EniId}: {Reason}")]
    public static partial void EniRemovedFromPool(ILogger logger, string eniId, string reason);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 40, Level = LogLevel.Warning, Message = "Subnet {SubnetId} refused a new ENI ({Code}); trying {NextSubnetId}")]
    public static partial void SubnetRefusedEni(ILogger logger, string subnetId, string code, string nextSubnetId);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 41, Level = LogLevel.Warning, Message = "Subnet discovery could not describe the subnets ({Code}); the new ENI goes to the primary ENI's subnet {SubnetId}")]
    public static partial void SubnetDiscoveryFailed(ILogger logger, string code, string subnetId);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 42, Level = LogLevel.Information, Message = "Custom networking: the new ENI follows ENIConfig {EniConfig} (subnet {SubnetId})")]
    public static partial void EniConfigChosen(ILogger logger, string eniConfig, string subnetId);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 43, Level = LogLevel.Warning, Message = "EC2 answered PrivateIpAddressLimitExceeded for {EniId}: the datastore was out of step; {Count} CIDRs EC2 already holds were added")]
    public static partial void Resynced(ILogger logger, string eniId, int count);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 44, Level = LogLevel.Warning, Message = "EC2 refused {Requested} CIDRs for {EniId} ({Code}); asking for one")]
    public static partial void RetryingWithOne(ILogger logger, int requested, string eniId, string code);

    [LoggerMessage(EventId = LogEventIds.PoolExecution + 45, Level = LogLevel.Information, Message = "EC2 refused device index {DeviceIndex} for {EniId} ({Reason}); describing the instance again")]
    public static partial void DeviceIndexRefused(ILogger logger, int deviceIndex, string eniId, string reason);
}
