namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>The warm pool has an address for the next pod, from <c>/v1/enis</c> (totals across cards).</summary>
public sealed class IpExhaustionCheck : INodeCheck
{
    public string Name => "IpExhaustion";

    public string Description => "The pool has a free address for the next pod";

    public async Task<NodeCheckResult> RunAsync(NodeCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var enis = await context.EnisAsync(cancellationToken).ConfigureAwait(false);
        var addresses = enis.SelectMany(e => e.Addresses ?? []).ToArray();
        var total = addresses.Length;
        var assigned = addresses.Count(a => a.IsAssigned);
        var detail = $"{assigned} of {total} addresses assigned on {enis.Count} ENIs; {total - assigned} free.";
        if (total > 0 && assigned >= total)
        {
            return NodeCheckResult.Fail(Name, "Exhausted: " + detail,
                "New pods wait in ContainerCreating until the pool grows; the EniHeadroom and SubnetCapacity checks say whether it can. Raise WARM_IP_TARGET or MINIMUM_IP_TARGET if it grows too slowly.");
        }

        return total == 0
            ? NodeCheckResult.Warn(Name, "The pool is empty: no address on any ENI yet.", "Wait until the service is ready; if it stays empty, see the IamPermissions and SubnetCapacity checks.")
            : NodeCheckResult.Pass(Name, detail);
    }
}
