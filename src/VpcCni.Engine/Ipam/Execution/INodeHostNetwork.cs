using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>
/// The node-wide host network a node sets up as it starts (upstream <c>pkg/ipamd/ipamd.go</c> <c>nodeInit</c>):
/// before its ENIs, the kernel settings, rules 1024 and 1535 and the SNAT and connmark rules
/// (upstream <c>pkg/networkutils/network.go</c> <c>SetupHostNetwork</c>); after the checkpoint is
/// restored, the rules 512 and 1536 of the pods it gave back. The real implementation is
/// <see cref="LinuxNodeHostNetwork"/>; a node run against a simulator records instead.
/// </summary>
public interface INodeHostNetwork
{
    /// <summary>Sets up the node-wide host network of <paramref name="spec"/>. Idempotent.</summary>
    Task SetupAsync(NodeHostNetworkSpec spec, CancellationToken cancellationToken);

    /// <summary>Writes the host rules of every restored pod in <paramref name="pods"/>. Idempotent.</summary>
    Task RewritePodRulesAsync(IReadOnlyCollection<PodHostRules> pods, CancellationToken cancellationToken);
}
