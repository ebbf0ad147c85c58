using VpcCni.Engine.Configuration;

namespace VpcCni.Engine.Tests.Linux.PacketFilter;

/// <summary>
/// The rules of docs/snat.md written out literally, as iptables-save 1.8.9 (nf_tables) and
/// nft 1.0.6 print them, for the fixed test node: VPC 10.0.0.0/16 and 100.64.0.0/16, node IP
/// 10.0.1.5, primary link eth0, veth prefix eni, mark 0x80.
/// </summary>
internal static class ExpectedRules
{
    public static readonly string[] SomeExclusions = ["192.168.0.0/16", "0.0.0.0/0"];

    public static List<string> Nat(bool externalSnat, bool withExclusions, SnatRandomization randomization, bool iptablesConnmark)
    {
        if (externalSnat)
        {
            return [];
        }

        var flag = randomization switch
        {
            SnatRandomization.Prng => " --random-fully",
            SnatRandomization.HashRandom => " --random",
            _ => string.Empty,
        };
        var lines = new List<string>
        {
            ":AWS-SNAT-CHAIN-0",
            "-A POSTROUTING -m comment --comment \"AWS SNAT CHAIN\" -j AWS-SNAT-CHAIN-0",
            "-A AWS-SNAT-CHAIN-0 -d 10.0.0.0/16 -m comment --comment \"AWS SNAT CHAIN\" -j RETURN",
            "-A AWS-SNAT-CHAIN-0 -d 100.64.0.0/16 -m comment --comment \"AWS SNAT CHAIN\" -j RETURN",
        };
        if (withExclusions)
        {
            lines.Add("-A AWS-SNAT-CHAIN-0 -d 192.168.0.0/16 -m comment --comment \"AWS SNAT CHAIN EXCLUSION\" -j RETURN");
            lines.Add("-A AWS-SNAT-CHAIN-0 -m comment --comment \"AWS SNAT CHAIN EXCLUSION\" -j RETURN");
        }

        lines.Add("-A AWS-SNAT-CHAIN-0 ! -o vlan+ -m comment --comment \"AWS, SNAT\" -m addrtype ! --dst-type LOCAL -j SNAT --to-source 10.0.1.5" + flag);
        if (iptablesConnmark)
        {
            lines.Add(":AWS-CONNMARK-CHAIN-0");
            lines.Add("-A PREROUTING -i eni+ -m comment --comment \"AWS, outbound connections\" -j AWS-CONNMARK-CHAIN-0");
            lines.Add("-A PREROUTING -m comment --comment \"AWS, CONNMARK\" -j CONNMARK --restore-mark --nfmask 0x80 --ctmask 0x80");
            lines.Add("-A AWS-CONNMARK-CHAIN-0 -d 10.0.0.0/16 -m comment --comment \"AWS CONNMARK CHAIN, VPC CIDR\" -j RETURN");
            lines.Add("-A AWS-CONNMARK-CHAIN-0 -d 100.64.0.0/16 -m comment --comment \"AWS CONNMARK CHAIN, VPC CIDR\" -j RETURN");
            if (withExclusions)
            {
                lines.Add("-A AWS-CONNMARK-CHAIN-0 -d 192.168.0.0/16 -m comment --comment \"AWS CONNMARK CHAIN, EXCLUDED CIDR\" -j RETURN");
                lines.Add("-A AWS-CONNMARK-CHAIN-0 -m comment --comment \"AWS CONNMARK CHAIN, EXCLUDED CIDR\" -j RETURN");
            }

            lines.Add("-A AWS-CONNMARK-CHAIN-0 -m comment --comment \"AWS, CONNMARK\" -j CONNMARK --set-xmark 0x80/0x80");
        }

        return lines;
    }

    public static List<string> Mangle(bool externalSnat, bool nodePort)
    {
        var lines = new List<string>();
        if (nodePort)
        {
            lines.Add("-A PREROUTING -i eth0 -m comment --comment \"AWS, primary ENI\" -m addrtype --dst-type LOCAL --limit-iface-in -j CONNMARK --set-xmark 0x80/0x80");
        }

        if (nodePort || !externalSnat)
        {
            lines.Add("-A PREROUTING -i eni+ -m comment --comment \"AWS, primary ENI\" -j CONNMARK --restore-mark --nfmask 0x80 --ctmask 0x80");
        }

        if (nodePort)
        {
            lines.Add("-A PREROUTING -i vlan+ -m comment --comment \"AWS, primary ENI\" -j CONNMARK --restore-mark --nfmask 0x80 --ctmask 0x80");
        }

        return lines;
    }

    /// <summary><c>nft list table ip aws-cni</c> with counters stripped and lines trimmed.</summary>
    public static List<string> NftTable(bool withExclusions)
    {
        var lines = new List<string>
        {
            "table ip aws-cni {",
            "chain nat-prerouting {",
            "type nat hook prerouting priority dstnat + 10; policy accept;",
            "fib daddr type local counter return",
            "iifname \"eni*\" counter jump snat-mark",
            "counter meta mark set ct mark & 0x00000080",
            "}",
            "chain snat-mark {",
            "ip daddr 10.0.0.0/16 counter return",
            "ip daddr 100.64.0.0/16 counter return",
        };
        if (withExclusions)
        {
            lines.Add("ip daddr 192.168.0.0/16 counter return");
            lines.Add("ip daddr 0.0.0.0/0 counter return");
        }

        lines.AddRange(["counter ct mark set ct mark | 0x00000080", "}", "}"]);
        return lines;
    }

    /// <summary>Orders saved lines by chain (stable), so tests compare per-chain rule order, not chain print order.</summary>
    public static List<string> ByChain(IEnumerable<string> lines) =>
        lines.OrderBy(line => line.StartsWith(':') ? line[1..] + " " : line.Split(' ')[1], StringComparer.Ordinal).ToList();
}
