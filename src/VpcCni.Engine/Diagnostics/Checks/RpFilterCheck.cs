namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>
/// Reverse-path filtering on the primary interface is loose (2) while the node SNATs: replies to
/// pods on secondary ENIs arrive on the primary interface, and strict mode (1) drops them (upstream
/// <c>pkg/networkutils/network.go</c>, <c>SetupHostNetwork</c>; the kernel's networking sysctl documentation, <c>rp_filter</c>).
/// </summary>
public sealed class RpFilterCheck : INodeCheck
{
    public string Name => "RpFilter";

    public string Description => "rp_filter on the primary interface is loose (2) when SNAT is on";

    public async Task<NodeCheckResult> RunAsync(NodeCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await KernelCheckGate.NotCheckableAsync(context, Name, cancellationToken).ConfigureAwait(false) is { } skip)
        {
            return skip;
        }

        var externalSnat = string.Equals(await context.SettingAsync("AWS_VPC_K8S_CNI_EXTERNALSNAT", cancellationToken).ConfigureAwait(false), "true", StringComparison.OrdinalIgnoreCase);
        var primary = await PrimaryLink.NameAsync(context, cancellationToken).ConfigureAwait(false);
        var value = context.ReadSysctl($"net/ipv4/conf/{primary}/rp_filter");
        if (externalSnat)
        {
            return NodeCheckResult.Pass(Name, $"rp_filter on {primary} is {value}; external SNAT is on, so the node leaves it as it is.");
        }

        return value == "2"
            ? NodeCheckResult.Pass(Name, $"rp_filter on {primary} is 2 (loose).")
            : NodeCheckResult.Fail(Name, $"rp_filter on {primary} is {value}; with SNAT on it must be 2 (loose), or replies to pods on secondary ENIs are dropped.",
                $"sysctl -w net.ipv4.conf.{primary}.rp_filter=2 (the service sets it at start; something reset it: check /etc/sysctl.d).");
    }
}
