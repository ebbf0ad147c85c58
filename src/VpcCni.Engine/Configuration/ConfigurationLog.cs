using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Engine.Configuration;

/// <summary>Log messages of live configuration (range <see cref="LogEventIds.Configuration"/>).</summary>
internal static partial class ConfigurationLog
{
    [LoggerMessage(EventId = LogEventIds.Configuration + 0, Level = LogLevel.Information, Message = "Configuration reloaded; now in force: {Variables}")]
    public static partial void Applied(ILogger logger, IReadOnlyList<string> variables);

    [LoggerMessage(EventId = LogEventIds.Configuration + 1, Level = LogLevel.Warning, Message = "Configuration changed for {Variables}, which apply only after a restart of the service; the running values are kept")]
    public static partial void RestartRequired(ILogger logger, IReadOnlyList<string> variables);

    [LoggerMessage(EventId = LogEventIds.Configuration + 2, Level = LogLevel.Error, Message = "Configuration reload rejected; the previous settings stay in force. {Errors}")]
    public static partial void Rejected(ILogger logger, string errors);
}
