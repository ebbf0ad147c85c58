using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>Source-generated log messages of the packet-filter adapter (range <see cref="LogEventIds.PacketFilter"/>).</summary>
internal static partial class PacketFilterLog
{
    [LoggerMessage(EventId = LogEventIds.PacketFilter + 0, Level = LogLevel.Information, Message = "Connmark backend {Backend} (iptables {IptablesVersion}, nf_tables {NfTables}, forced {Forced})")]
    public static partial void BackendChosen(this ILogger logger, ConnmarkBackend backend, Version iptablesVersion, bool nfTables, bool forced);

    [LoggerMessage(EventId = LogEventIds.PacketFilter + 1, Level = LogLevel.Warning, Message = "prng SNAT randomisation requested but iptables {IptablesVersion} has no --random-fully; using --random")]
    public static partial void RandomFullyUnsupported(this ILogger logger, Version iptablesVersion);

    [LoggerMessage(EventId = LogEventIds.PacketFilter + 2, Level = LogLevel.Information, Message = "IPv6 mode: no SNAT or connmark rules are programmed")]
    public static partial void SkippedIpv6(this ILogger logger);

    [LoggerMessage(EventId = LogEventIds.PacketFilter + 3, Level = LogLevel.Information, Message = "Packet filter updated: iptables tables [{Tables}], nftables changed {NftablesChanged}, external SNAT {ExternalSnat}")]
    public static partial void Updated(this ILogger logger, string tables, bool nftablesChanged, bool externalSnat);

    [LoggerMessage(EventId = LogEventIds.PacketFilter + 4, Level = LogLevel.Debug, Message = "Packet filter already matches the desired rules")]
    public static partial void Unchanged(this ILogger logger);

    [LoggerMessage(EventId = LogEventIds.PacketFilter + 5, Level = LogLevel.Debug, Message = "nft is not installed; no nftables connmark leftovers to clean")]
    public static partial void NftMissing(this ILogger logger);
}
