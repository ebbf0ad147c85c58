using System.Text;

namespace VpcCni.Plugin.Tests.Support;

/// <summary>Runs the dispatcher in-process with an injected environment and streams (the process environment is never touched).</summary>
public static class PluginRunner
{
    public static async Task<PluginOutcome> RunAsync(PluginHost host, IReadOnlyDictionary<string, string> environment, string stdin)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CniPlugin.RunAsync(new CniInvocation(environment, input, stdout, stderr), host, CancellationToken.None);
        return new PluginOutcome(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The variables a runtime sets for <paramref name="command"/>, with the pod in CNI_ARGS as containerd sends it.</summary>
    public static Dictionary<string, string> Environment(string command, string containerId, string netns, string podName, string podNamespace = "default", string ifName = "eth0") => new()
    {
        ["CNI_COMMAND"] = command,
        ["CNI_CONTAINERID"] = containerId,
        ["CNI_NETNS"] = netns,
        ["CNI_IFNAME"] = ifName,
        ["CNI_PATH"] = "/opt/cni/bin",
        ["CNI_ARGS"] = $"IgnoreUnknown=1;K8S_POD_NAMESPACE={podNamespace};K8S_POD_NAME={podName};K8S_POD_INFRA_CONTAINER_ID={containerId};K8S_POD_UID=uid-{podName}",
    };
}
