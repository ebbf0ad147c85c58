namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>
/// How far a checkpoint write goes before the assignment it records is answered. Both replace the
/// file atomically (temporary file, then rename(2)), so a reader never sees a torn document.
/// </summary>
public enum CheckpointDurability
{
    /// <summary>
    /// Temporary file and rename, no fsync(2). The renamed file is in the page cache the moment the
    /// call returns, so it survives the process being killed (SIGKILL, a crash, an OOM kill); only a
    /// kernel crash or power loss can lose the last writes. The default: the default checkpoint path
    /// is under <c>/var/run</c>, which systemd hosts mount as tmpfs, so the file does not outlive a
    /// reboot anyway (docs/service.md, "Checkpoint durability").
    /// </summary>
    Atomic = 0,

    /// <summary>
    /// Also fsync(2) the temporary file before the rename and its directory after it, so the new
    /// file is on disk before the answer: for a checkpoint path on a persistent file system whose
    /// content must survive a power loss. Costs about a millisecond per write on ext4.
    /// </summary>
    Durable = 1,
}
