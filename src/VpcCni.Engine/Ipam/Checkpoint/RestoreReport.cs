namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>The outcome of rebuilding assignments from the checkpoint.</summary>
public sealed record RestoreReport
{
    /// <summary>No checkpoint existed: a fresh node.</summary>
    public bool FreshNode { get; init; }

    public IReadOnlyList<CheckpointAllocation> Restored { get; init; } = [];

    public IReadOnlyList<DroppedAllocation> Dropped { get; init; } = [];
}
