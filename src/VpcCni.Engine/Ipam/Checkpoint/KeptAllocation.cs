namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>A checkpointed allocation the restore could not place and keeps in the file, with the reason.</summary>
public sealed record KeptAllocation(CheckpointAllocation Allocation, KeepReason Reason);
