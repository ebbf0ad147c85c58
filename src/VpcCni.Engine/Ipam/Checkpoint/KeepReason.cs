namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>
/// Why a restore neither placed nor dropped a checkpointed allocation. Such entries are written back
/// unchanged on every rewrite, so a node rolled back to another CNI still sees those addresses as taken.
/// </summary>
public enum KeepReason
{
    /// <summary>No IPv4 address this datastore can hold: an IPv6 entry, or an address that does not parse.</summary>
    UnsupportedAddress,

    /// <summary>The entry has no key at all (network name, container id and interface name all empty).</summary>
    EmptyKey,

    /// <summary>The address or the key is already held by an earlier entry.</summary>
    Duplicate,
}
