using System.Net;
using System.Net.Sockets;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>RTM_*RULE encoding and decoding (<c>struct fib_rule_hdr</c> + FRA_* attributes, linux/fib_rules.h).</summary>
internal static class RuleCodec
{
    public static NetlinkMessageWriter Dump(AddressFamily family)
    {
        Span<byte> header = stackalloc byte[12];
        header[0] = AddressCodec.Family(family);
        return new NetlinkMessageWriter(Rtnl.GetRule, Rtnl.FRequest | Rtnl.FDump).Bytes(header);
    }

    /// <summary>NLM_F_EXCL makes the kernel refuse an identical rule with EEXIST (net/core/fib_rules.c, rule_exists).</summary>
    public static NetlinkMessageWriter Add(RuleEntry rule) => Build(Rtnl.NewRule, Rtnl.FRequest | Rtnl.FAck | Rtnl.FCreate | Rtnl.FExcl, rule);

    public static NetlinkMessageWriter Delete(RuleEntry rule) => Build(Rtnl.DelRule, Rtnl.FRequest | Rtnl.FAck, rule);

    public static RuleEntry? Decode(NetlinkMessage message)
    {
        if (message.Type != Rtnl.NewRule || message.Payload.Length < 12)
        {
            return null;
        }

        var span = message.Payload.Span;
        var attrs = NetlinkAttributes.Parse(message.Payload[12..]);
        var family = span[0] == Rtnl.AfInet6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        return new RuleEntry(
            (int)(attrs.U32(Rtnl.FraPriority) ?? 0),
            (int)(attrs.U32(Rtnl.FraTable) ?? span[4]),
            attrs.Address(Rtnl.FraSrc) is { } src ? new IPNetwork(src, span[2]) : null,
            attrs.Address(Rtnl.FraDst) is { } dst ? new IPNetwork(dst, span[1]) : null,
            attrs.String(Rtnl.FraIifname),
            attrs.String(Rtnl.FraOifname),
            attrs.U32(Rtnl.FraFwmark),
            attrs.U32(Rtnl.FraFwmask),
            family);
    }

    private static NetlinkMessageWriter Build(ushort type, ushort flags, RuleEntry rule)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rule.Priority, nameof(rule));
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Table, 1, nameof(rule));
        Span<byte> header = stackalloc byte[12];
        header[0] = AddressCodec.Family(rule.Family);
        header[1] = (byte)(rule.Destination?.PrefixLength ?? 0);
        header[2] = (byte)(rule.Source?.PrefixLength ?? 0);
        header[4] = rule.Table < 256 ? (byte)rule.Table : (byte)0;
        header[7] = Rtnl.FrActToTbl;
        var w = new NetlinkMessageWriter(type, flags).Bytes(header)
            .AttrU32(Rtnl.FraPriority, checked((uint)rule.Priority))
            .AttrU32(Rtnl.FraTable, checked((uint)rule.Table));
        AddPrefix(w, Rtnl.FraSrc, rule.Source, rule.Family);
        AddPrefix(w, Rtnl.FraDst, rule.Destination, rule.Family);
        if (rule.InputInterface is not null)
        {
            w.AttrString(Rtnl.FraIifname, rule.InputInterface);
        }

        if (rule.OutputInterface is not null)
        {
            w.AttrString(Rtnl.FraOifname, rule.OutputInterface);
        }

        if (rule.Mark is { } mark)
        {
            w.AttrU32(Rtnl.FraFwmark, mark);
        }

        if (rule.Mask is { } mask)
        {
            w.AttrU32(Rtnl.FraFwmask, mask);
        }

        return w;
    }

    private static void AddPrefix(NetlinkMessageWriter w, ushort type, IPNetwork? prefix, AddressFamily family)
    {
        if (prefix is not { } p)
        {
            return;
        }

        if (p.BaseAddress.AddressFamily != family)
        {
            throw new ArgumentException($"Rule prefix {p} does not match the rule's family {family}.", nameof(prefix));
        }

        w.AttrAddress(type, p.BaseAddress);
    }
}
