namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>The outcome of rebuilding assignments from the checkpoint.</summary>
public sealed record RestoreReport
{
    /// <summary>No checkpoint existed: a fresh node.</summary>
    public bool FreshNode { get; init; }

    public IReadOnlyList<CheckpointAllocation> Restored { get; init; } = [];

    /// <summary>Allocations of pods that are gone or of addresses no longer on this node (as upstream drops them).</summary>
    public IReadOnlyList<DroppedAllocation> Dropped { get; init; } = [];

    /// <summary>Allocations the datastore could not place; they stay in the checkpoint unchanged.</summary>
    public IReadOnlyList<KeptAllocation> Kept { get; init; } = [];
}
