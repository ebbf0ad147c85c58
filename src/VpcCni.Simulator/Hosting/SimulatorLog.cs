using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Simulator.Hosting;

/// <summary>The simulator's log events (range <see cref="LogEventIds.Simulator"/>).</summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(EventId = LogEventIds.Simulator + 0, Level = LogLevel.Information, Message = "Simulator serving EC2 at {Ec2Endpoint}, IMDS at {ImdsEndpoint}, control at {ControlEndpoint}")]
    public static partial void Started(ILogger logger, Uri ec2Endpoint, Uri imdsEndpoint, Uri controlEndpoint);

    [LoggerMessage(EventId = LogEventIds.Simulator + 1, Level = LogLevel.Information, Message = "Simulator stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = LogEventIds.Simulator + 2, Level = LogLevel.Warning, Message = "EC2 request refused by signature check: {ErrorCode} ({Reason})")]
    public static partial void AuthenticationRefused(ILogger logger, string errorCode, string reason);
}
