namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>Why a restore did not bring back a checkpointed allocation.</summary>
public enum DropReason
{
    /// <summary>No CIDR on any known ENI contains the address: the pod is presumed stale or dead.</summary>
    NoContainingCidr,

    /// <summary>The validation callback rejected it (e.g. the pod's host veth is gone).</summary>
    RejectedByValidator,

    /// <summary>The entry has no IPv4 address this datastore can hold, or a malformed one.</summary>
    UnusableAddress,

    /// <summary>The entry's key is incomplete.</summary>
    InvalidKey,

    /// <summary>The address or the key is already assigned (a duplicate entry).</summary>
    Duplicate,
}
