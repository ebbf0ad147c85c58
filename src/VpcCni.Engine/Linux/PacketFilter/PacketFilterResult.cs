namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// What one <see cref="IPacketFilter.ApplyAsync"/> call chose and changed, so callers (metrics,
/// introspection, tests) can observe the backend decision without re-reading the kernel.
/// </summary>
public sealed record PacketFilterResult
{
    /// <summary>True when nothing was programmed because the node runs in IPv6 mode (upstream installs no SNAT/connmark there).</summary>
    public bool Skipped { get; init; }

    /// <summary>The connmark backend in use; <c>null</c> when <see cref="Skipped"/>.</summary>
    public ConnmarkBackend? ConnmarkBackend { get; init; }

    /// <summary>The port-randomisation flag put on the SNAT rule (<c>--random-fully</c>, <c>--random</c>) or <c>null</c> for none.</summary>
    public string? SnatRandomFlag { get; init; }

    /// <summary>The iptables tables that needed an <c>iptables-restore</c> transaction; empty when the state already matched.</summary>
    public IReadOnlyList<string> ChangedIptablesTables { get; init; } = [];

    /// <summary>True when the nftables state (table <c>ip aws-cni</c>) was written or deleted.</summary>
    public bool NftablesChanged { get; init; }

    /// <summary>True when this call changed nothing at all.</summary>
    public bool NoChange => ChangedIptablesTables.Count == 0 && !NftablesChanged;
}
