using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Tests.Linux;

public sealed class HostEniNetworkTests : IDisposable
{
    private readonly NodeScenario _node = new();

    public void Dispose() => _node.Dispose();

    [RootFact]
    public async Task PrimaryEniOnlyGetsItsMtu()
    {
        var link = await _node.HostEnis().SetupEniAsync(NodeScenario.PrimaryEni, CancellationToken.None);

        Assert.Equal(9001, _node.NodeNetlink.FindLinkByIndex(link.Index)!.Mtu);
        Assert.DoesNotContain(_node.NodeNetlink.ListRules(AddressFamily.InterNetwork), r => r.Priority == 32765);
    }

    [RootFact]
    public async Task SecondarySetupIsIdempotentAndReplacesStrayGlobalAddresses()
    {
        var eth1 = _node.NodeNetlink.FindLinkByName("eth1")!;
        _node.NodeNetlink.AddAddress(eth1.Index, IPAddress.Parse("192.168.9.9"), 24);
        var enis = _node.HostEnis();

        await enis.SetupEniAsync(NodeScenario.SecondaryEni, CancellationToken.None);
        await enis.SetupEniAsync(NodeScenario.SecondaryEni, CancellationToken.None);

        Assert.Equal(["10.0.1.10/24"], _node.NodeNetlink.ListAddresses(eth1.Index, AddressFamily.InterNetwork).Select(a => a.ToString()));
        Assert.Single(_node.NodeNetlink.ListRules(AddressFamily.InterNetwork), r => r.Priority == 32765);
        Assert.Equal(2, _node.NodeNetlink.ListRoutes(AddressFamily.InterNetwork, 2).Count);
        Assert.DoesNotContain(_node.NodeNetlink.ListRoutes(AddressFamily.InterNetwork, 254), r => r.Destination == IPNetwork.Parse("10.0.1.0/24"));
    }

    [RootFact]
    public async Task TrunkEniGetsNoSourceRule()
    {
        await _node.HostEnis().SetupEniAsync(NodeScenario.SecondaryEni with { IsTrunk = true }, CancellationToken.None);

        Assert.DoesNotContain(_node.NodeNetlink.ListRules(AddressFamily.InterNetwork), r => r.Priority == 32765);
        Assert.Equal(2, _node.NodeNetlink.ListRoutes(AddressFamily.InterNetwork, 2).Count);
    }

    [RootFact]
    public async Task AnEniOnASecondNetworkCardKeepsTheRouteTableAnOlderInstallGaveIt()
    {
        // The new numbering gives card 1, device 1 table 10101; an older install numbered it
        // d + 1 + c·maxENI (here 1 + 1 + 1·4 = 6) and left its rule 32765 behind.
        var eni = NodeScenario.SecondaryEni with { NetworkCard = 1 };
        _node.NodeNetlink.AddRule(new RuleEntry(32765, 6, Source: IPNetwork.Parse("10.0.1.10/32")));
        var enis = _node.HostEnis();

        await enis.SetupEniAsync(eni, CancellationToken.None);

        Assert.Equal(["32765: from 10.0.1.10/32 lookup 6"], Rules().Where(r => r.StartsWith("32765:", StringComparison.Ordinal)));
        Assert.Equal(2, _node.NodeNetlink.ListRoutes(AddressFamily.InterNetwork, 6).Count);
        Assert.Empty(_node.NodeNetlink.ListRoutes(AddressFamily.InterNetwork, 10101));

        Assert.Equal(3, enis.TeardownEni(eni)); // rule 32765 and both routes of table 6
        Assert.DoesNotContain(Rules(), r => r.StartsWith("32765:", StringComparison.Ordinal));
        Assert.Empty(_node.NodeNetlink.ListRoutes(AddressFamily.InterNetwork, 6));
    }

    [RootFact]
    public async Task MissingEniLinkIsLookedUpFiveTimesThreeSecondsApartThenNotFound()
    {
        var time = new FakeTimeProvider();
        var missing = NodeScenario.SecondaryEni with { Mac = PhysicalAddress.Parse("02-00-00-ff-ff-ff") };

        var start = time.GetUtcNow();
        var setup = _node.HostEnis(time).SetupEniAsync(missing, CancellationToken.None);

        // Continuations of the fake delays run on the pool, so time moves in small steps until the lookup gives up.
        for (var i = 0; i < 2000 && !setup.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(2);
        }

        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromSeconds(12), "four 3-second pauses between five lookups");
        var e = await Assert.ThrowsAsync<VpcCniException>(() => setup);
        Assert.Equal((ErrorIds.Dataplane.EniLinkNotFound, VpcCniErrorCategory.NotFound), (e.ErrorId, e.Category));
    }

    [RootFact]
    public void HostRulesFollowNodePortSnatExternalCidrsAndStrictMode()
    {
        var enis = _node.HostEnis();
        var cidrs = new[] { IPNetwork.Parse("100.64.0.0/16"), IPNetwork.Parse("172.20.0.0/16") };

        enis.ApplyHostRules(new HostRulesSpec(NodePortSupport: false, ExternalSnat: false, ExternalServiceCidrs: cidrs, SgpStrict: true));
        enis.ApplyHostRules(new HostRulesSpec(NodePortSupport: false, ExternalSnat: false, ExternalServiceCidrs: cidrs, SgpStrict: true));
        Assert.Equal(
            ["1024: from all fwmark 0x80/0x80 lookup 254", "1535: from all to 100.64.0.0/16 lookup 254", "1535: from all to 172.20.0.0/16 lookup 254",
             "20: from all lookup 255", "32766: from all lookup 254", "32767: from all lookup 253"],
            Rules());

        enis.ApplyHostRules(new HostRulesSpec(NodePortSupport: false, ExternalSnat: true, ExternalServiceCidrs: [cidrs[1]], SgpStrict: true));
        Assert.Equal(["1535: from all to 172.20.0.0/16 lookup 254", "20: from all lookup 255", "32766: from all lookup 254", "32767: from all lookup 253"], Rules());
    }

    [RootFact]
    public async Task NodePortStyleTrafficToAPodOnASecondaryEniIsAnsweredDespiteAStrictHostDefault()
    {
        // A strict host default (rp_filter 1) and a VPC side that accepts replies on any link.
        _node.WriteSysctl(_node.Node, "net/ipv4/conf/all/rp_filter", "1");
        _node.WriteSysctl(_node.Node, "net/ipv4/conf/eth0/rp_filter", "1");
        _node.WriteSysctl(_node.Vpc, "net/ipv4/conf/all/rp_filter", "0");
        _node.WriteSysctl(_node.Vpc, "net/ipv4/conf/vpc1/rp_filter", "0");
        var enis = _node.HostEnis();
        await enis.SetupEniAsync(NodeScenario.PrimaryEni, CancellationToken.None);
        await enis.SetupEniAsync(NodeScenario.SecondaryEni, CancellationToken.None);
        _node.Pods.Setup(_node.PodBRequest);

        // kube-proxy's NodePort DNAT, reduced to ICMP: the node address on eth0 leads to pod B on eth1's table.
        await ThrowawayNamespaces.RunAsync(_node.Node, "iptables", "-t", "nat", "-A", "PREROUTING", "-i", "eth0", "-d", "10.0.0.10/32", "-p", "icmp", "-j", "DNAT", "--to-destination", "10.0.1.20");
        enis.SetupHost(new HostRulesSpec(NodePortSupport: true, PrimaryInterface: "eth0"));

        Assert.Equal(IPStatus.Success, _node.Ping(_node.Vpc, "10.0.0.10"));
        Assert.Equal("2", _node.ReadSysctl(_node.Node, "net/ipv4/conf/eth0/rp_filter"));
    }

    [RootTheory]
    [InlineData(true, "0")]
    [InlineData(false, "1")]
    public void HostSetupTurnsTcpEarlyDemuxOffOnlyWhenAsked(bool disable, string expected)
    {
        _node.WriteSysctl(_node.Node, "net/ipv4/tcp_early_demux", "1");

        _node.HostEnis().SetupHost(new HostRulesSpec(DisableTcpEarlyDemux: disable));

        Assert.Equal(expected, _node.ReadSysctl(_node.Node, "net/ipv4/tcp_early_demux"));
    }

    private string[] Rules() => [.. _node.NodeNetlink.ListRules(AddressFamily.InterNetwork).Select(r => r.ToString()).Order(StringComparer.Ordinal)];
}
