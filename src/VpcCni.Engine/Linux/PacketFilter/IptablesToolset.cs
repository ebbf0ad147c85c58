namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// The iptables programs the adapter runs. The default uses whatever <c>iptables</c> the host's
/// alternatives (or iptables-wrapper) select, as upstream does; <see cref="Legacy"/> and
/// <see cref="Nft"/> pin one variant, e.g. for tests of both modes on one machine.
/// </summary>
/// <param name="Iptables">The program asked for <c>--version</c>.</param>
/// <param name="Save">The iptables-save program.</param>
/// <param name="Restore">The iptables-restore program.</param>
public sealed record IptablesToolset(string Iptables, string Save, string Restore)
{
    /// <summary>The host's selected variant.</summary>
    public static IptablesToolset Default { get; } = new("iptables", "iptables-save", "iptables-restore");

    /// <summary>The x_tables (legacy) variant.</summary>
    public static IptablesToolset Legacy { get; } = new("iptables-legacy", "iptables-legacy-save", "iptables-legacy-restore");

    /// <summary>The nf_tables variant.</summary>
    public static IptablesToolset Nft { get; } = new("iptables-nft", "iptables-nft-save", "iptables-nft-restore");
}
