namespace VpcCni.Engine.Ipam.Planning;

/// <summary>
/// The planner's answer for one tick of one card: at most one grow action, any releases, at most
/// one ENI to free, and notes explaining each decision (including why nothing happened). A plan for
/// waiting calls holds only grow actions, possibly several, which can run side by side.
/// </summary>
public sealed record PoolPlan
{
    public int NetworkCard { get; init; }

    public IReadOnlyList<PoolAction> Actions { get; init; } = [];

    /// <summary>Every decision the tick made, in order, for logs and cmdlets.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public required IpamStats Stats { get; init; }

    public required TargetState Target { get; init; }

    public bool TooLow { get; init; }

    public bool TooHigh { get; init; }

    /// <summary>True when the tick changes nothing.</summary>
    public bool IsEmpty => Actions.Count == 0;

    public override string ToString() => string.Join("; ", Notes);
}
