namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// Which packet filter carries the connmark rules. SNAT itself is always programmed with iptables,
/// as upstream does; only the connmark part follows the iptables mode (upstream <c>pkg/iptableswrapper/iptables.go</c> <c>GetIptablesMode</c>; docs/snat.md).
/// </summary>
public enum ConnmarkBackend
{
    /// <summary>The <c>AWS-CONNMARK-CHAIN-0</c> chain in the iptables nat table.</summary>
    Iptables,

    /// <summary>The nftables table <c>ip aws-cni</c>, used when iptables runs in nf_tables mode.</summary>
    Nftables,
}
