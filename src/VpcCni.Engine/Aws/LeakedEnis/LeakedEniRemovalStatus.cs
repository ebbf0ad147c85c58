namespace VpcCni.Engine.Aws.LeakedEnis;

/// <summary>The outcome of removing one ENI.</summary>
public enum LeakedEniRemovalStatus
{
    /// <summary>DeleteNetworkInterface succeeded.</summary>
    Deleted,

    /// <summary>EC2 no longer knows the ENI (someone else deleted it first).</summary>
    AlreadyGone,

    /// <summary>It is attached, or not the CNI's, when checked again right before deleting: left alone.</summary>
    Skipped,
}
