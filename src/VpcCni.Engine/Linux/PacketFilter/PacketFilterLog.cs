using Microsoft.Extensions.Logging;

namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>Source-generated log messages of the packet-filter adapter (event ids 4000–4099).</summary>
internal static partial class PacketFilterLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Connmark backend {Backend} (iptables {IptablesVersion}, nf_tables {NfTables}, forced {Forced})")]
    public static partial void BackendChosen(this ILogger logger, ConnmarkBackend backend, Version iptablesVersion, bool nfTables, bool forced);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "prng SNAT randomisation requested but iptables {IptablesVersion} has no --random-fully; using --random")]
    public static partial void RandomFullyUnsupported(this ILogger logger, Version iptablesVersion);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "IPv6 mode: no SNAT or connmark rules are programmed")]
    public static partial void SkippedIpv6(this ILogger logger);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Packet filter updated: iptables tables [{Tables}], nftables changed {NftablesChanged}, external SNAT {ExternalSnat}")]
    public static partial void Updated(this ILogger logger, string tables, bool nftablesChanged, bool externalSnat);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Packet filter already matches the desired rules")]
    public static partial void Unchanged(this ILogger logger);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "nft is not installed; no nftables connmark leftovers to clean")]
    public static partial void NftMissing(this ILogger logger);
}
