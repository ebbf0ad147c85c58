namespace VpcCni.Engine.Linux.Wiring;

/// <summary><c>POD_SECURITY_GROUP_ENFORCING_MODE</c> (reference-system.md §6.2).</summary>
public enum SgpEnforcingMode
{
    /// <summary>All pod traffic hairpins through the branch ENI: interface rules at priority 10.</summary>
    Strict,

    /// <summary>IP rules 512/1536 towards the VLAN table; same-node traffic bypasses the branch ENI.</summary>
    Standard,
}
