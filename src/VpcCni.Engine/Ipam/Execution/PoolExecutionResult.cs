using VpcCni.Engine.Aws;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>
/// What one plan's execution did, action by action, so the pool loop can react: pause growth after
/// <c>InsufficientCidrBlocks</c>, remember when it last released addresses, report failures.
/// </summary>
public sealed record PoolExecutionResult(IReadOnlyList<PoolActionOutcome> Outcomes)
{
    /// <summary>The actions that failed.</summary>
    public IReadOnlyList<PoolActionOutcome> Failures => [.. Outcomes.Where(o => !o.Succeeded)];

    /// <summary>Failures by AWS error code (failures EC2 did not answer are under their error id).</summary>
    public IReadOnlyDictionary<string, int> ErrorsByCode =>
        Failures.GroupBy(f => f.AwsErrorCode ?? f.Error!.ErrorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>True when at least one CIDR left the datastore (the planner's release interval restarts).</summary>
    public bool ReleasedAny => Outcomes.Any(o => o.Removed.Count > 0);

    /// <summary>True when EC2 answered <c>InsufficientCidrBlocks</c>: the subnet has no free /28 (upstream backs off growth).</summary>
    public bool HitInsufficientCidrBlocks => Failures.Any(f => f.Error is Ec2ApiException e && e.Is(Ec2ErrorCodes.InsufficientCidrBlocks));
}
