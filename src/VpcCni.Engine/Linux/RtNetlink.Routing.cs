using System.Net.Sockets;
using VpcCni.Engine.Linux.Netlink;

namespace VpcCni.Engine.Linux;

/// <summary>Route, rule and neighbour operations of <see cref="RtNetlink"/>.</summary>
public sealed partial class RtNetlink
{
    public IReadOnlyList<RouteEntry> ListRoutes(AddressFamily family, int? table = null) =>
        [.. _connection.Dump(() => RouteCodec.Dump(family), "list routes")
            .Select(RouteCodec.Decode)
            .OfType<RouteEntry>()
            .Where(r => table is null || r.Table == table)];

    public void AddRoute(RouteEntry route)
    {
        ArgumentNullException.ThrowIfNull(route);
        _connection.Execute(RouteCodec.Add(route, replace: false), $"add route {route}");
    }

    public void ReplaceRoute(RouteEntry route)
    {
        ArgumentNullException.ThrowIfNull(route);
        _connection.Execute(RouteCodec.Add(route, replace: true), $"replace route {route}");
    }

    public void DeleteRoute(RouteEntry route)
    {
        ArgumentNullException.ThrowIfNull(route);
        _connection.Execute(RouteCodec.Delete(route), $"delete route {route}");
    }

    public IReadOnlyList<RuleEntry> ListRules(AddressFamily family) =>
        [.. _connection.Dump(() => RuleCodec.Dump(family), "list rules").Select(RuleCodec.Decode).OfType<RuleEntry>()];

    public void AddRule(RuleEntry rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _connection.Execute(RuleCodec.Add(rule), $"add rule {rule}");
    }

    public void DeleteRule(RuleEntry rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _connection.Execute(RuleCodec.Delete(rule), $"delete rule {rule}");
    }

    public IReadOnlyList<NeighbourEntry> ListNeighbours(AddressFamily family, int? linkIndex = null) =>
        [.. _connection.Dump(() => NeighbourCodec.Dump(family), "list neighbours")
            .Select(NeighbourCodec.Decode)
            .OfType<NeighbourEntry>()
            .Where(n => linkIndex is null || n.LinkIndex == linkIndex)];

    public void AddNeighbour(NeighbourEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _connection.Execute(NeighbourCodec.Add(entry, replace: false), $"add neighbour {entry.Address} on #{entry.LinkIndex}");
    }

    public void ReplaceNeighbour(NeighbourEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _connection.Execute(NeighbourCodec.Add(entry, replace: true), $"replace neighbour {entry.Address} on #{entry.LinkIndex}");
    }

    public void DeleteNeighbour(NeighbourEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _connection.Execute(NeighbourCodec.Delete(entry), $"delete neighbour {entry.Address} on #{entry.LinkIndex}");
    }
}
