namespace VpcCni.Engine.Kubernetes;

/// <summary>
/// What the node agent reads from a Node's taints. <c>kubectl cordon</c> sets <c>spec.unschedulable</c>,
/// and the node lifecycle controller adds the taint <c>node.kubernetes.io/unschedulable:NoSchedule</c>
/// for it (Kubernetes docs, "Taints and Tolerations", well-known taints); upstream ipamd
/// (<c>pkg/ipamd/ipamd.go</c> <c>isNodeNonSchedulable</c>) looks at the taint, matched on key and effect
/// whatever its value, as <c>Taint.MatchTaint</c> does.
/// </summary>
public static class KubernetesNodeTaints
{
    /// <summary>The taint key of a cordoned node.</summary>
    public const string UnschedulableKey = "node.kubernetes.io/unschedulable";

    /// <summary>The effect the cordon taint carries.</summary>
    public const string NoSchedule = "NoSchedule";

    /// <summary>Whether <paramref name="node"/> carries <c>node.kubernetes.io/unschedulable:NoSchedule</c>.</summary>
    public static bool IsUnschedulable(KubernetesNodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(node);

        // KubernetesNodeInfo.Taints are "key=value:effect"; a key is a qualified name and holds neither '=' nor ':'.
        return node.Taints.Any(taint =>
        {
            var effectAt = taint.LastIndexOf(':');
            var valueAt = taint.IndexOf('=', StringComparison.Ordinal);
            var key = valueAt >= 0 ? taint[..valueAt] : effectAt >= 0 ? taint[..effectAt] : taint;
            var effect = effectAt >= 0 ? taint[(effectAt + 1)..] : string.Empty;
            return key == UnschedulableKey && effect == NoSchedule;
        });
    }
}
