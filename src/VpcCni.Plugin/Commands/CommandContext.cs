using Microsoft.Extensions.Logging;
using VpcCni.Plugin.Cni;

namespace VpcCni.Plugin.Commands;

/// <summary>Everything one command works from: the validated parameters, configuration and pod, the node, and logging.</summary>
internal sealed record CommandContext(CniEnvironment Env, NetConf Conf, KubernetesArgs Pod, PluginHost Host, ILoggerFactory Loggers)
{
    public ILogger Logger { get; } = Loggers.CreateLogger("vpc-cni");
}
