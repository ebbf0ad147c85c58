using System.Net;
using System.Net.Sockets;

namespace VpcCni.Engine.Linux;

/// <summary>
/// A policy routing rule (<c>ip rule</c>), e.g. <c>512: from all to 10.0.0.20 lookup main</c>.
/// Unset selectors mean "all".
/// </summary>
public sealed record RuleEntry(
    int Priority,
    int Table,
    IPNetwork? Source = null,
    IPNetwork? Destination = null,
    string? InputInterface = null,
    string? OutputInterface = null,
    uint? Mark = null,
    uint? Mask = null,
    AddressFamily Family = AddressFamily.InterNetwork)
{
    public override string ToString() =>
        $"{Priority}: from {Source?.ToString() ?? "all"}{(Destination is { } d ? $" to {d}" : string.Empty)}" +
        $"{(InputInterface is { } i ? $" iif {i}" : string.Empty)}{(OutputInterface is { } o ? $" oif {o}" : string.Empty)}" +
        $"{(Mark is { } m ? $" fwmark 0x{m:x}" + (Mask is { } k ? $"/0x{k:x}" : string.Empty) : string.Empty)} lookup {Table}";
}
