namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>A checkpointed allocation a restore dropped, with the reason, for logs and cleanup of its rules.</summary>
public sealed record DroppedAllocation(CheckpointAllocation Allocation, DropReason Reason);
