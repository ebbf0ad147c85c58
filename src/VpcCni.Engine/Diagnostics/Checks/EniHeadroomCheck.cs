using VpcCni.Engine.Limits;

namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>The node's ENIs and their addresses against its instance type's limits (the built-in table): room left to grow.</summary>
public sealed class EniHeadroomCheck : INodeCheck
{
    public string Name => "EniHeadroom";

    public string Description => "ENIs and addresses per ENI against the instance type's limits";

    public async Task<NodeCheckResult> RunAsync(NodeCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (_, type, _) = await context.IdentityAsync(cancellationToken).ConfigureAwait(false);
        if (!InstanceTypeCatalog.Embedded.TryGet(type, out var limits))
        {
            return NodeCheckResult.Warn(Name, $"{type} is not in the built-in table.", "Get-VpcCniInstanceLimit -InstanceType " + type + " -Region <region> reads its limits from EC2.");
        }

        var enis = (await context.EnisAsync(cancellationToken).ConfigureAwait(false)).Where(e => e.NetworkCard == limits.DefaultNetworkCardIndex).ToArray();
        var maxEnis = limits.EniLimitOfCard(limits.DefaultNetworkCardIndex);

        // A secondary IP or a /28 prefix takes one of the ENI's address slots (the primary address takes one too).
        var full = enis.Count(e => e.IpCount + e.PrefixCount >= limits.Ipv4PerEni - 1);
        var detail = $"{enis.Length} of {maxEnis} ENIs on {type}; {full} at their limit of {limits.Ipv4PerEni - 1} secondary addresses or prefixes.";
        if (enis.Length >= maxEnis && full == enis.Length)
        {
            return NodeCheckResult.Fail(Name, "No headroom: " + detail,
                "The node cannot take another address: lower the pods per node (max-pods), enable prefix delegation (ENABLE_PREFIX_DELEGATION) on a Nitro type, or use a larger instance type.");
        }

        return enis.Length >= maxEnis
            ? NodeCheckResult.Warn(Name, "Every ENI slot is used: " + detail, "Growth is limited to the addresses left on the attached ENIs.")
            : NodeCheckResult.Pass(Name, detail);
    }
}
