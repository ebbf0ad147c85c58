namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>
/// Decides whether the kernel checks can judge the checked namespace: a node whose host network is
/// only recorded (<c>HostNetwork:Simulated</c>, what <c>--simulate</c> sets) has no veths, rules or
/// SNAT chains to look at, and a Pass there would be a lie.
/// </summary>
internal static class KernelCheckGate
{
    /// <summary>A Warn saying why <paramref name="check"/> cannot judge this node, or null when it can.</summary>
    public static async Task<NodeCheckResult?> NotCheckableAsync(NodeCheckContext context, string check, CancellationToken cancellationToken)
    {
        switch (context.Options.HostNetwork)
        {
            case NodeHostNetworkKind.Real:
                return null;
            case NodeHostNetworkKind.Simulated:
                return Simulated(check, "the node was named simulated");
        }

        // Without metadata the namespace is judged as it is; the Imds check reports the metadata.
        var (mac, link) = await PrimaryLink.LookupAsync(context, cancellationToken).ConfigureAwait(false);
        return mac is not null && link is null
            ? Simulated(check, $"no link in {context.NamespacePath ?? "this namespace"} has the primary ENI's MAC {mac}")
            : null;
    }

    private static NodeCheckResult Simulated(string check, string why) =>
        NodeCheckResult.Warn(check, $"Not checkable: simulated host network ({why}).", "Run the check on the node itself, or with -NetworkNamespace naming the node's namespace.");
}
