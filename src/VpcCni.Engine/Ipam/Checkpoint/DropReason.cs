namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>Why a restore dropped a checkpointed allocation, as upstream <c>ReadBackingStore</c> does.</summary>
public enum DropReason
{
    /// <summary>No CIDR on any known ENI contains the address: the pod is presumed stale or dead.</summary>
    NoContainingCidr,

    /// <summary>The validation callback rejected it (e.g. the pod's host veth is gone).</summary>
    RejectedByValidator,
}
