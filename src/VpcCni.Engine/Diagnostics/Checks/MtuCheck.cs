namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>
/// The primary interface and the pods' host veths carry the configured MTU (<c>AWS_VPC_ENI_MTU</c>,
/// 9001 by default; docs/configuration.md): a veth larger than the ENI drops or fragments what
/// leaves the VPC, a smaller one wastes jumbo frames inside it.
/// </summary>
public sealed class MtuCheck : INodeCheck
{
    public string Name => "Mtu";

    public string Description => "The primary interface and pod veths carry AWS_VPC_ENI_MTU";

    public async Task<NodeCheckResult> RunAsync(NodeCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await KernelCheckGate.NotCheckableAsync(context, Name, cancellationToken).ConfigureAwait(false) is { } skip)
        {
            return skip;
        }

        var configured = int.TryParse(await context.SettingAsync("AWS_VPC_ENI_MTU", cancellationToken).ConfigureAwait(false), out var mtu)
            ? Linux.Wiring.PodNetworkWiring.EffectiveMtu(mtu) : 9001;
        var prefix = await context.SettingAsync("AWS_VPC_K8S_CNI_VETHPREFIX", cancellationToken).ConfigureAwait(false) ?? Linux.Wiring.VethNames.DefaultPrefix;
        var primary = await PrimaryLink.FindAsync(context, cancellationToken).ConfigureAwait(false);
        var veths = context.InNamespace(netlink => netlink.ListLinks().Where(l => l.Kind == "veth" && l.Name.StartsWith(prefix, StringComparison.Ordinal)).ToArray());
        var wrong = veths.Where(v => v.Mtu != configured).Select(v => $"{v.Name} {v.Mtu}").ToList();
        if (primary is not null && primary.Mtu != configured)
        {
            wrong.Insert(0, $"{primary.Name} (primary) {primary.Mtu}");
        }

        return wrong.Count == 0
            ? NodeCheckResult.Pass(Name, $"{(primary is null ? "no primary link found; " : $"{primary.Name} and ")}{veths.Length} pod veths at MTU {configured}.")
            : NodeCheckResult.Warn(Name, $"Not at AWS_VPC_ENI_MTU {configured}: {string.Join(", ", wrong)}.",
                "Set AWS_VPC_ENI_MTU to what the network carries (9001 inside a VPC, 1500 over VPN or an internet gateway); pods get the new MTU when recreated.");
    }
}
