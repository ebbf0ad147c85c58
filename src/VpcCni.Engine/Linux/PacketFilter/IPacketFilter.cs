namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// The port for the host's SNAT, connmark and NodePort packet-filter rules (docs/snat.md).
/// One call converges the kernel on the whole desired state: missing rules are added, stale ones in
/// our chains removed, and rules owned by anyone else left alone. Calling it again with the same
/// options changes nothing.
/// </summary>
public interface IPacketFilter
{
    /// <summary>Converges the packet filter on <paramref name="options"/> and reports what was chosen and changed.</summary>
    Task<PacketFilterResult> ApplyAsync(PacketFilterOptions options, CancellationToken cancellationToken);
}
