using VpcCni.Engine.Aws;

namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>
/// The subnets of the node's ENIs still have free addresses (EC2 DescribeSubnets). With prefixes
/// in use a subnet needs a free, aligned /28; fewer than 16 free addresses surely has none, more
/// may still be fragmented (EC2 answers InsufficientCidrBlocks then).
/// </summary>
public sealed class SubnetCapacityCheck : INodeCheck
{
    /// <summary>Fewer free addresses than this warns: one more ENI's worth on most types.</summary>
    public const int LowWatermark = 16;

    public string Name => "SubnetCapacity";

    public string Description => "The subnets of the node's ENIs have free addresses (and /28 room with prefixes)";

    public async Task<NodeCheckResult> RunAsync(NodeCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var enis = await context.EnisAsync(cancellationToken).ConfigureAwait(false);
        var ids = enis.Select(e => e.SubnetId).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            return NodeCheckResult.Warn(Name, "The node reports no ENI with a subnet.", "Wait until the service is ready, then run the check again.");
        }

        var prefixes = enis.Any(e => e.PrefixCount > 0);
        var needed = prefixes ? 16 : 1;
        var ec2 = await context.Ec2Async(cancellationToken).ConfigureAwait(false);
        var subnets = await ec2.DescribeSubnetsAsync(Ec2DescribeQuery.ForIds(ids), cancellationToken).ConfigureAwait(false);
        var detail = string.Join("; ", subnets.Select(s => $"{s.SubnetId} ({s.CidrBlock}) {s.AvailableIpAddressCount} free"));
        var empty = subnets.Where(s => s.AvailableIpAddressCount < needed).Select(s => s.SubnetId).ToArray();
        if (empty.Length > 0)
        {
            return NodeCheckResult.Fail(Name, $"No room for {(prefixes ? "a /28 prefix" : "an address")} in {string.Join(", ", empty)}: {detail}.",
                "Free addresses in the subnet (delete unused ENIs), add a subnet for new ENIs (tag it kubernetes.io/role/cni=1 with ENABLE_SUBNET_DISCOVERY), or use custom networking (ENIConfig) with a larger subnet.");
        }

        return subnets.Any(s => s.AvailableIpAddressCount < LowWatermark)
            ? NodeCheckResult.Warn(Name, "Running low: " + detail + ".", "Plan more subnet space before the next scale-out.")
            : NodeCheckResult.Pass(Name, detail + ".");
    }
}
