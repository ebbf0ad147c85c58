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
    /// kernel crash or power loss can lose the last writes, and on some file systems leave an empty
    /// file behind (docs/service.md, "Checkpoint durability").
    /// </summary>
    Atomic = 0,

    /// <summary>
    /// Also fsync(2) the temporary file before the rename and its directory after it, so the new
    /// file is on disk before the answer: for a checkpoint path on a persistent file system whose
    /// content must survive a power loss. The default: on the default path under <c>/var/run</c>, a
    /// tmpfs on systemd hosts, fsync returns at once, and on a disk it keeps upstream's guarantee.
    /// </summary>
    Durable = 1,
}
