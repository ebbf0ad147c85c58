namespace VpcCni.Service.Node;

/// <summary>
/// How the node service treats the machine's own network (configuration section <c>HostNetwork</c>).
/// </summary>
public sealed class NodeHostNetworkOptions
{
    /// <summary>The configuration section bound to this class.</summary>
    public const string SectionName = "HostNetwork";

    /// <summary>
    /// Record the host side of ENIs and the node-wide host network instead of programming links, routes,
    /// rules, kernel settings and iptables. <c>run --simulate</c>
    /// sets it; set it (<c>HostNetwork__Simulated=true</c>) to rehearse a node against a simulator that
    /// runs elsewhere, whose ENIs never appear on this machine. Off on a real node.
    /// </summary>
    public bool Simulated { get; set; }
}
