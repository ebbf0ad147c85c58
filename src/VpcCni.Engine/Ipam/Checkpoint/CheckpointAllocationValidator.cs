namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>
/// Decides during restore whether a checkpointed allocation still belongs to a live pod (upstream
/// checks that the pod's host veth exists). Return false to drop it.
/// </summary>
public delegate ValueTask<bool> CheckpointAllocationValidator(CheckpointAllocation allocation, CancellationToken cancellationToken);
