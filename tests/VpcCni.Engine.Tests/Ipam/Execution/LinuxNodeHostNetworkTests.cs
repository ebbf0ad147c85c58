using System.Net;
using System.Net.NetworkInformation;
using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.PacketFilter;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Engine.Tests.Linux;

namespace VpcCni.Engine.Tests.Ipam.Execution;

/// <summary>
/// <see cref="LinuxNodeHostNetwork"/> with its real parts (netlink, sysctls, iptables and nft) inside a
/// throwaway node namespace (root lane). The primary link is a veth named <c>ens5</c> carrying the
/// primary ENI's MAC, so every rule that names the interface shows it was found by MAC.
/// </summary>
public sealed class LinuxNodeHostNetworkTests : IDisposable
{
    private static readonly PhysicalAddress PrimaryMac = PhysicalAddress.Parse("02-00-0a-00-00-55");
    private readonly NodeScenario _node = new();
    private readonly List<DirectoryInfo> _emptyDirectories = [];

    public LinuxNodeHostNetworkTests()
    {
        using var nodeHandle = _node.Namespaces.NetNs.Open(_node.Node);
        _node.VpcNetlink.CreateVeth("vpc5", "ens5", 1500, PrimaryMac, nodeHandle);
    }

    public void Dispose()
    {
        _node.Dispose();
        _emptyDirectories.ForEach(d => d.Delete());
    }

    [RootFact]
    public async Task NodeSetupProgramsSnatConnmarkRule1024AndLooseReversePathFilteringOnTheLinkWithThePrimaryMac()
    {
        _node.WriteSysctl(_node.Node, "net/ipv4/conf/ens5/rp_filter", "1");
        var settings = new VpcCniSettings();
        settings.Networking.ExcludeSnatCidrs = [IPNetwork.Parse("192.168.0.0/16")];
        settings.Networking.DisableTcpEarlyDemux = true;
        var network = Network();

        await network.SetupAsync(Spec(settings), CancellationToken.None);
        var nat = await IptablesAsync("nat");
        await network.SetupAsync(Spec(settings), CancellationToken.None);

        Assert.Equal(nat, await IptablesAsync("nat"));
        Assert.Contains("-A POSTROUTING -m comment --comment \"AWS SNAT CHAIN\" -j AWS-SNAT-CHAIN-0", nat);
        Assert.Contains("-A AWS-SNAT-CHAIN-0 -d 10.0.0.0/16 -m comment --comment \"AWS SNAT CHAIN\" -j RETURN", nat);
        Assert.Contains("-A AWS-SNAT-CHAIN-0 -d 192.168.0.0/16 -m comment --comment \"AWS SNAT CHAIN EXCLUSION\" -j RETURN", nat);
        Assert.Contains(nat, r => r.StartsWith("-A AWS-SNAT-CHAIN-0 ! -o vlan+ -m comment --comment \"AWS, SNAT\" -m addrtype ! --dst-type LOCAL -j SNAT --to-source 10.0.0.10", StringComparison.Ordinal));
        Assert.Equal(
            [
                "-A PREROUTING -i ens5 -m comment --comment \"AWS, primary ENI\" -m addrtype --dst-type LOCAL --limit-iface-in -j CONNMARK --set-xmark 0x80/0x80",
                "-A PREROUTING -i eni+ -m comment --comment \"AWS, primary ENI\" -j CONNMARK --restore-mark --nfmask 0x80 --ctmask 0x80",
                "-A PREROUTING -i vlan+ -m comment --comment \"AWS, primary ENI\" -j CONNMARK --restore-mark --nfmask 0x80 --ctmask 0x80",
            ],
            (await IptablesAsync("mangle")).Where(r => r.StartsWith("-A ", StringComparison.Ordinal)));
        Assert.True(await HasConnmarkAsync(nat), "the connmark rules are in the nat table or in nft table ip aws-cni");
        Assert.Contains("1024:\tfrom all fwmark 0x80/0x80 lookup main", await IpRulesAsync());
        Assert.Equal("2", _node.ReadSysctl(_node.Node, "net/ipv4/conf/ens5/rp_filter"));
        Assert.Equal("0", _node.ReadSysctl(_node.Node, "net/ipv4/tcp_early_demux"));
    }

    [RootFact]
    public async Task RewritingRestoredPodRulesWrites512And1536AndReplacesA1536RuleThatNamedAnotherTable()
    {
        _node.NodeNetlink.AddRule(new RuleEntry(PodNetworkWiring.FromPodRulePriority, 5, Source: IPNetwork.Parse("10.0.1.21/32")));
        PodHostRules[] pods =
        [
            new(IPAddress.Parse("10.0.0.20"), RouteTables.Main),
            new(IPAddress.Parse("10.0.1.20"), 2),
            new(IPAddress.Parse("10.0.1.21"), 2),
        ];
        var network = Network();

        await network.RewritePodRulesAsync(pods, CancellationToken.None);
        await network.RewritePodRulesAsync(pods, CancellationToken.None);

        Assert.Equal(
            [
                "512:\tfrom all to 10.0.0.20 lookup main",
                "512:\tfrom all to 10.0.1.20 lookup main",
                "512:\tfrom all to 10.0.1.21 lookup main",
                "1536:\tfrom 10.0.1.20 lookup 2",
                "1536:\tfrom 10.0.1.21 lookup 2",
            ],
            (await IpRulesAsync()).Where(r => r.StartsWith("512:", StringComparison.Ordinal) || r.StartsWith("1536:", StringComparison.Ordinal)));
    }

    [RootFact]
    public async Task APrimaryMacWithoutALinkFailsWithHostNetworkSetupFailedBeforeAnyRuleIsWritten()
    {
        var host = new HostEniNetwork(_node.NodeNetlink, _node.Namespaces.NetNs, new ProcSysctl(), _node.Node, TimeProvider.System,
            new HostNetworkOptions { LinkLookupAttempts = 1 }, NullLogger<HostEniNetwork>.Instance);
        var spec = Spec(new VpcCniSettings()) with { PrimaryMac = PhysicalAddress.Parse("02-00-00-ff-ff-ff") };

        var e = await Assert.ThrowsAsync<VpcCniException>(() => Network(host).SetupAsync(spec, CancellationToken.None));

        Assert.Equal((ErrorIds.Node.HostNetworkSetupFailed, VpcCniErrorCategory.NotFound), (e.ErrorId, e.Category));
        Assert.Contains(ErrorIds.Dataplane.EniLinkNotFound, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await IpRulesAsync(), r => r.StartsWith("1024:", StringComparison.Ordinal));
        Assert.DoesNotContain(await IptablesAsync("nat"), r => r.Contains("AWS", StringComparison.Ordinal));
    }

    [RootFact]
    public async Task WithoutIptablesSetupFailsWithHostNetworkSetupFailedNamingThePacketFilterStep()
    {
        var empty = Directory.CreateTempSubdirectory("vcni-no-tools");
        _emptyDirectories.Add(empty);
        using var filter = new LinuxPacketFilter(ThrowawayNamespaces.Runner(_node.Node, empty.FullName), NullLogger<LinuxPacketFilter>.Instance);

        var e = await Assert.ThrowsAsync<VpcCniException>(() => Network(filter: filter).SetupAsync(Spec(new VpcCniSettings()), CancellationToken.None));

        Assert.Equal(ErrorIds.Node.HostNetworkSetupFailed, e.ErrorId);
        Assert.Contains("programming SNAT and connmark", e.Message, StringComparison.Ordinal);
        Assert.Contains(ErrorIds.PacketFilter.CommandFailed, e.Message, StringComparison.Ordinal);
    }

    private static NodeHostNetworkSpec Spec(VpcCniSettings settings) =>
        NodeHostNetworkSpec.From(settings, PrimaryMac, IPAddress.Parse("10.0.0.10"), [IPNetwork.Parse("10.0.0.0/16")]);

    private LinuxNodeHostNetwork Network(HostEniNetwork? host = null, IPacketFilter? filter = null) =>
        new(host ?? _node.HostEnis(), filter ?? new LinuxPacketFilter(ThrowawayNamespaces.Runner(_node.Node), NullLogger<LinuxPacketFilter>.Instance),
            _node.Pods, NullLogger<LinuxNodeHostNetwork>.Instance);

    private async Task<List<string>> IptablesAsync(string table) =>
        [.. (await ThrowawayNamespaces.RunAsync(_node.Node, "iptables", "-t", table, "-S")).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private async Task<List<string>> IpRulesAsync() =>
        [.. (await ThrowawayNamespaces.RunAsync(_node.Node, "ip", "rule")).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The connmark rules of whichever backend <c>iptables --version</c> chose (docs/snat.md).</summary>
    private async Task<bool> HasConnmarkAsync(List<string> nat)
    {
        if (nat.Contains("-A AWS-CONNMARK-CHAIN-0 -m comment --comment \"AWS, CONNMARK\" -j CONNMARK --set-xmark 0x80/0x80"))
        {
            return true;
        }

        var nft = await ThrowawayNamespaces.Runner(_node.Node).RunAsync("nft", ["list", "table", "ip", "aws-cni"], null, CancellationToken.None);
        return nft.ExitCode == 0 && nft.StandardOutput.Contains("ct mark set ct mark | 0x00000080", StringComparison.Ordinal);
    }
}
