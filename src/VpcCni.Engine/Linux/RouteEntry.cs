using System.Net;

namespace VpcCni.Engine.Linux;

/// <summary>
/// A unicast route, e.g. <c>default via 10.0.1.1 dev eth1 table 2</c> or <c>10.0.0.20 dev eni… scope link</c>.
/// </summary>
/// <param name="Destination">The destination prefix (<c>0.0.0.0/0</c> for default).</param>
/// <param name="Gateway">The next hop, if any.</param>
/// <param name="LinkIndex">The output interface index, if any.</param>
/// <param name="Table">The routing table id (254 = main).</param>
/// <param name="Scope">The route scope.</param>
/// <param name="PreferredSource">The preferred source address (RTA_PREFSRC), if any.</param>
public sealed record RouteEntry(IPNetwork Destination, IPAddress? Gateway, int? LinkIndex, int Table = RouteEntry.MainTable, RouteScope Scope = RouteScope.Universe, IPAddress? PreferredSource = null)
{
    /// <summary>The main table (RT_TABLE_MAIN).</summary>
    public const int MainTable = 254;

    /// <summary>The local table (RT_TABLE_LOCAL).</summary>
    public const int LocalTable = 255;

    public override string ToString() =>
        $"{Destination}{(Gateway is null ? string.Empty : $" via {Gateway}")}{(LinkIndex is { } i ? $" dev #{i}" : string.Empty)} table {Table} scope {Scope}";
}
