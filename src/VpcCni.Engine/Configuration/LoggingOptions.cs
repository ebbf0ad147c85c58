using Microsoft.Extensions.Logging;

namespace VpcCni.Engine.Configuration;

/// <summary>Log levels and log destinations of the node service and the plugins (docs/configuration.md).</summary>
public sealed class LoggingOptions
{
    /// <summary>The destination name that sends the node service's log to standard output (journald under systemd).</summary>
    public const string Stdout = "stdout";

    /// <summary>The destination name for standard error.</summary>
    public const string Stderr = "stderr";

    /// <summary><c>AWS_VPC_K8S_CNI_LOGLEVEL</c>: the node service's minimum level.</summary>
    public LogLevel LogLevel { get; set; } = LogLevel.Debug;

    /// <summary><c>AWS_VPC_K8S_CNI_LOG_FILE</c>: <c>stdout</c>, <c>stderr</c> or an absolute path.</summary>
    public string LogFile { get; set; } = Stdout;

    /// <summary><c>AWS_VPC_K8S_PLUGIN_LOG_FILE</c>: <c>stderr</c> or an absolute path; never stdout.</summary>
    public string PluginLogFile { get; set; } = "/var/log/aws-routed-eni/plugin.log";

    /// <summary><c>AWS_VPC_K8S_PLUGIN_LOG_LEVEL</c>: the plugin's minimum level.</summary>
    public LogLevel PluginLogLevel { get; set; } = LogLevel.Debug;

    /// <summary><c>AWS_VPC_K8S_EGRESS_V4_PLUGIN_LOG_FILE</c>.</summary>
    public string EgressV4PluginLogFile { get; set; } = "/var/log/aws-routed-eni/egress-v4-plugin.log";

    /// <summary><c>AWS_VPC_K8S_EGRESS_V6_PLUGIN_LOG_FILE</c>.</summary>
    public string EgressV6PluginLogFile { get; set; } = "/var/log/aws-routed-eni/egress-v6-plugin.log";
}
