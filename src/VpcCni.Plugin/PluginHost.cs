using VpcCni.Engine.Linux;

namespace VpcCni.Plugin;

/// <summary>
/// What the plugin treats as the node: the namespace its host-side objects go into, and how it enters
/// namespaces. On a node that is the plugin's own namespace; tests name a throwaway one.
/// </summary>
/// <param name="NetNs">Namespace switching.</param>
/// <param name="HostNamespacePath">The node's network namespace as a path.</param>
/// <param name="Time">The clock for log stamps and call deadlines.</param>
public sealed record PluginHost(INetNs NetNs, string HostNamespacePath, TimeProvider Time)
{
    /// <summary>The plugin's own namespace, as the runtime starts it on a node.</summary>
    public static PluginHost Node { get; } = new(new NetNs(), "/proc/self/ns/net", TimeProvider.System);
}
