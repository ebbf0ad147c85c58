using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Service.Configuration;

/// <summary>Log messages of the command line, configuration reload and the systemd watchdog (service ids 72 and 80–99).</summary>
internal static partial class NodeConfigurationLog
{
    [LoggerMessage(EventId = LogEventIds.Service + 80, Level = LogLevel.Information, Message = "Configuration from the environment and {EnvFile}; live settings: {Settings}")]
    public static partial void Started(ILogger logger, string envFile, string settings);

    [LoggerMessage(EventId = LogEventIds.Service + 81, Level = LogLevel.Warning, Message = "The environment file {EnvFile} does not exist; only the process environment and defaults apply until it does")]
    public static partial void EnvFileMissing(ILogger logger, string envFile);

    [LoggerMessage(EventId = LogEventIds.Service + 82, Level = LogLevel.Information, Message = "SIGHUP received; reading {EnvFile} again")]
    public static partial void ReloadRequested(ILogger logger, string envFile);

    [LoggerMessage(EventId = LogEventIds.Service + 83, Level = LogLevel.Information, Message = "Live setting {Variable} changed from {Before} to {After}")]
    public static partial void LiveSettingChanged(ILogger logger, string variable, string before, string after);

    [LoggerMessage(EventId = LogEventIds.Service + 84, Level = LogLevel.Error, Message = "Reading {EnvFile} again failed; the running settings stay in force")]
    public static partial void ReloadFailed(ILogger logger, Exception exception, string envFile);

    [LoggerMessage(EventId = LogEventIds.Service + 85, Level = LogLevel.Information, Message = "systemd watchdog on: WATCHDOG=1 every {Interval}")]
    public static partial void WatchdogOn(ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = LogEventIds.Service + 86, Level = LogLevel.Information, Message = "Reload done: no live setting changed")]
    public static partial void ReloadWithoutChange(ILogger logger);

    [LoggerMessage(EventId = LogEventIds.Service + 72, Level = LogLevel.Information, Message = "Log level now follows AWS_VPC_K8S_CNI_LOGLEVEL: {Level}")]
    public static partial void LogLevelApplied(ILogger logger, string level);
}
