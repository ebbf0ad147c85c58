using System.Net;
using VpcCni.Engine.Configuration;

namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// Turns <see cref="PacketFilterOptions"/> into the nat and mangle rules of docs/snat.md,
/// written exactly as iptables-save (1.8.x) prints them, so that comparing with a saved table is a
/// plain string comparison and re-applying the same options is a true no-op.
/// </summary>
internal static class IptablesRuleRenderer
{
    public const string SnatChain = "AWS-SNAT-CHAIN-0";
    public const string ConnmarkChain = "AWS-CONNMARK-CHAIN-0";

    /// <summary>Renders both tables. <paramref name="connmarkViaIptables"/> is false when nftables carries the connmark rules.</summary>
    public static IReadOnlyList<IptablesDesiredTable> Render(PacketFilterOptions options, bool connmarkViaIptables, bool supportsRandomFully)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var nat = new IptablesDesiredTable("nat");
        var mangle = new IptablesDesiredTable("mangle");
        var vpc = options.VpcCidrs.Distinct().ToList();
        var excluded = options.ExcludedSnatCidrs.Distinct().ToList();

        if (!options.ExternalSnat)
        {
            nat.AddShared("POSTROUTING", $"-m comment --comment \"AWS SNAT CHAIN\" -j {SnatChain}");
            foreach (var cidr in vpc)
            {
                nat.AddOwned(SnatChain, $"{Destination(cidr)}-m comment --comment \"AWS SNAT CHAIN\" -j RETURN");
            }

            foreach (var cidr in excluded)
            {
                nat.AddOwned(SnatChain, $"{Destination(cidr)}-m comment --comment \"AWS SNAT CHAIN EXCLUSION\" -j RETURN");
            }

            // "! -o vlan+" keeps SGP pods (which leave through vlan links) un-NATed; "! --dst-type LOCAL"
            // leaves traffic to the node itself alone (docs/snat.md).
            var random = RandomFlag(options.Randomization, supportsRandomFully);
            nat.AddOwned(
                SnatChain,
                $"! -o vlan+ -m comment --comment \"AWS, SNAT\" -m addrtype ! --dst-type LOCAL -j SNAT --to-source {options.NodePrimaryIpv4}"
                + (random is null ? string.Empty : " " + random));

            if (connmarkViaIptables)
            {
                RenderConnmark(nat, options, vpc, excluded);
            }
        }

        RenderNodePort(mangle, options);
        return [nat, mangle];
    }

    /// <summary>The SNAT port flag for <paramref name="mode"/>; prng falls back to <c>--random</c> on an iptables without <c>--random-fully</c>.</summary>
    public static string? RandomFlag(SnatRandomization mode, bool supportsRandomFully) => mode switch
    {
        SnatRandomization.Prng => supportsRandomFully ? "--random-fully" : "--random",
        SnatRandomization.HashRandom => "--random",
        _ => null,
    };

    private static void RenderConnmark(IptablesDesiredTable nat, PacketFilterOptions options, List<IPNetwork> vpc, List<IPNetwork> excluded)
    {
        var mark = options.MarkHex;
        nat.AddShared("PREROUTING", $"-i {options.VethPrefix}+ -m comment --comment \"AWS, outbound connections\" -j {ConnmarkChain}");

        // The nat table sees only a connection's first packet, so this copies the mark set in the chain
        // into the packet mark for that packet; the mangle rule restores it for the rest (docs/snat.md, packet walks).
        nat.AddShared("PREROUTING", $"-m comment --comment \"AWS, CONNMARK\" -j CONNMARK --restore-mark --nfmask {mark} --ctmask {mark}");
        foreach (var cidr in vpc)
        {
            nat.AddOwned(ConnmarkChain, $"{Destination(cidr)}-m comment --comment \"AWS CONNMARK CHAIN, VPC CIDR\" -j RETURN");
        }

        foreach (var cidr in excluded)
        {
            nat.AddOwned(ConnmarkChain, $"{Destination(cidr)}-m comment --comment \"AWS CONNMARK CHAIN, EXCLUDED CIDR\" -j RETURN");
        }

        nat.AddOwned(ConnmarkChain, $"-m comment --comment \"AWS, CONNMARK\" -j CONNMARK --set-xmark {mark}/{mark}");
    }

    private static void RenderNodePort(IptablesDesiredTable mangle, PacketFilterOptions options)
    {
        var mark = options.MarkHex;
        if (options.NodePortSupport)
        {
            // Connections arriving on the primary ENI for a local address (NodePort) get the mark, so
            // the replies follow ip rule 1024 (fwmark → main) back out of the primary ENI (docs/snat.md, packet walks).
            mangle.AddShared(
                "PREROUTING",
                $"-i {options.PrimaryInterface} -m comment --comment \"AWS, primary ENI\" -m addrtype --dst-type LOCAL --limit-iface-in -j CONNMARK --set-xmark {mark}/{mark}");
        }

        if (options.NodePortSupport || !options.ExternalSnat)
        {
            mangle.AddShared("PREROUTING", $"-i {options.VethPrefix}+ -m comment --comment \"AWS, primary ENI\" -j CONNMARK --restore-mark --nfmask {mark} --ctmask {mark}");
        }

        if (options.NodePortSupport)
        {
            mangle.AddShared("PREROUTING", $"-i vlan+ -m comment --comment \"AWS, primary ENI\" -j CONNMARK --restore-mark --nfmask {mark} --ctmask {mark}");
        }
    }

    // iptables-save omits "-d 0.0.0.0/0" (it matches everything), so the rendering must too.
    private static string Destination(IPNetwork cidr) =>
        cidr.PrefixLength == 0 ? string.Empty : $"-d {cidr.BaseAddress}/{cidr.PrefixLength} ";
}
