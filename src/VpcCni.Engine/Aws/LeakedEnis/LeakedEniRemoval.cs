namespace VpcCni.Engine.Aws.LeakedEnis;

/// <summary>What happened to one ENI <c>Remove-VpcCniLeakedEni</c> was given.</summary>
public sealed record LeakedEniRemoval
{
    public required string NetworkInterfaceId { get; init; }

    public required LeakedEniRemovalStatus Status { get; init; }

    /// <summary>Why it was skipped, in words; null when deleted.</summary>
    public string? Message { get; init; }
}
