using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Engine.Aws;

/// <summary>Log messages of <see cref="SdkEc2Api"/> (range <see cref="LogEventIds.Ec2"/>). Nothing here can carry credentials.</summary>
internal static partial class SdkEc2ApiLog
{
    [LoggerMessage(EventId = LogEventIds.Ec2 + 0, Level = LogLevel.Debug, Message = "EC2 {Action} succeeded in {ElapsedMs:F0} ms (request {RequestId})")]
    public static partial void CallSucceeded(ILogger logger, Ec2Action action, double elapsedMs, string? requestId);

    [LoggerMessage(EventId = LogEventIds.Ec2 + 1, Level = LogLevel.Warning, Message = "EC2 {Action} failed with {ErrorCode} (HTTP {HttpStatus}, request {RequestId}) after {ElapsedMs:F0} ms: {ErrorMessage}")]
    public static partial void CallFailed(ILogger logger, Ec2Action action, string errorCode, int httpStatus, string? requestId, double elapsedMs, string errorMessage);

    [LoggerMessage(EventId = LogEventIds.Ec2 + 2, Level = LogLevel.Warning, Message = "EC2 {Action} got no answer after {ElapsedMs:F0} ms ({ErrorId})")]
    public static partial void CallUnanswered(ILogger logger, Ec2Action action, double elapsedMs, string errorId, Exception exception);

    [LoggerMessage(EventId = LogEventIds.Ec2 + 3, Level = LogLevel.Information, Message = "EC2 dry run of {Action}: {Outcome} (request {RequestId})")]
    public static partial void DryRunOutcome(ILogger logger, Ec2Action action, string outcome, string? requestId);

    [LoggerMessage(EventId = LogEventIds.Ec2 + 4, Level = LogLevel.Debug, Message = "EC2 {Action} returned {Count} items over {Pages} pages")]
    public static partial void Paged(ILogger logger, Ec2Action action, int count, int pages);
}
