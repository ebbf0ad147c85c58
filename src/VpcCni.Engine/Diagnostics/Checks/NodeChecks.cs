using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>Every check, in the order a run reports them: the service, its AWS access, its pool, then the kernel.</summary>
public static class NodeChecks
{
    public static IReadOnlyList<INodeCheck> All { get; } =
    [
        new ServiceHealthCheck(),
        new ImdsCheck(),
        new IamPermissionsCheck(),
        new EniHeadroomCheck(),
        new SubnetCapacityCheck(),
        new IpExhaustionCheck(),
        new CheckpointConsistencyCheck(),
        new PodRoutingCheck(),
        new SnatRulesCheck(),
        new RpFilterCheck(),
        new MtuCheck(),
    ];

    /// <summary>The names <c>-Check</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(c => c.Name)];

    /// <summary>The checks named (case-insensitive), in run order; every check when <paramref name="names"/> is null or empty.</summary>
    public static IReadOnlyList<INodeCheck> Select(IReadOnlyCollection<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return All;
        }

        var unknown = names.Where(n => !All.Any(c => string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase))).ToArray();
        return unknown.Length > 0
            ? throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.NodeCheck.UnknownCheck, $"No check is named {string.Join(", ", unknown)}; the checks are {string.Join(", ", Names)}.")
            : [.. All.Where(c => names.Contains(c.Name, StringComparer.OrdinalIgnoreCase))];
    }
}
