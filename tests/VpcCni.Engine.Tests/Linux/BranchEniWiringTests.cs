using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.Netlink;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Tests.Linux;

public sealed class BranchEniWiringTests : IDisposable
{
    private static readonly PhysicalAddress BranchMac = PhysicalAddress.Parse("02-00-0b-00-00-07");
    private readonly NodeScenario _node = new();
    private readonly BranchEniWiring _branches;

    public BranchEniWiringTests() =>
        _branches = new BranchEniWiring(_node.NodeNetlink, _node.Pods, _node.Node, NullLogger<BranchEniWiring>.Instance);

    public void Dispose() => _node.Dispose();

    [RootFact]
    public void StrictModeUsesInterfaceRulesAtPriority10AndTheVlanTable()
    {
        var request = Request(PodSecurityGroupEnforcingMode.Strict);
        if (!TrySetup(request, out var wired))
        {
            return;
        }

        var nl = _node.NodeNetlink;
        var vlan = nl.FindLinkByName("vlan.eth.7")!;
        Assert.StartsWith("vlan", wired.HostVeth, StringComparison.Ordinal);
        Assert.Equal((7, BranchMac, true), (vlan.VlanId!.Value, vlan.Mac!, vlan.IsUp));
        Assert.Equal(
            ["10: from all iif vlan.eth.7 lookup 107", $"10: from all iif {wired.HostVeth} lookup 107"],
            nl.ListRules(AddressFamily.InterNetwork).Where(r => r.Priority == 10).Select(r => r.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            new HashSet<RouteEntry>
            {
                new(IPNetwork.Parse("10.0.2.1/32"), null, vlan.Index, 107, RouteScope.Link),
                new(IPNetwork.Parse("0.0.0.0/0"), IPAddress.Parse("10.0.2.1"), vlan.Index, 107),
                new(IPNetwork.Parse("10.0.2.30/32"), null, wired.HostIndex, 107, RouteScope.Link),
            },
            nl.ListRoutes(AddressFamily.InterNetwork, 107).ToHashSet());
        Assert.DoesNotContain(nl.ListRules(AddressFamily.InterNetwork), r => r.Priority is 512 or 1536);

        AssertTornDownTwice(request);
    }

    [RootFact]
    public void StandardModeUsesIpRulesTowardsTheVlanTable()
    {
        var request = Request(PodSecurityGroupEnforcingMode.Standard);
        if (!TrySetup(request, out var wired))
        {
            return;
        }

        var nl = _node.NodeNetlink;
        Assert.StartsWith("eni", wired.HostVeth, StringComparison.Ordinal);
        Assert.Equal(
            ["1536: from 10.0.2.30/32 lookup 107", "512: from all to 10.0.2.30/32 lookup 254"],
            nl.ListRules(AddressFamily.InterNetwork).Where(r => r.Priority is 10 or 512 or 1536).Select(r => r.ToString()).Order(StringComparer.Ordinal));
        Assert.Contains(new RouteEntry(IPNetwork.Parse("10.0.2.30/32"), null, wired.HostIndex, 254, RouteScope.Link), nl.ListRoutes(AddressFamily.InterNetwork, 254));

        AssertTornDownTwice(request);
    }

    [RootFact]
    public void TeardownRemovesTheStrictRulesOfItsTableEvenWhenTheModeChangedSinceSetup()
    {
        // What a strict-mode setup of VLAN 7 left behind, next to another branch pod's rule.
        var nl = _node.NodeNetlink;
        nl.AddRule(new RuleEntry(10, 107, InputInterface: "vlan.eth.7"));
        nl.AddRule(new RuleEntry(10, 107, InputInterface: Request(PodSecurityGroupEnforcingMode.Strict).EffectivePod.HostVeth));
        nl.AddRule(new RuleEntry(10, 108, InputInterface: "vlan.eth.8"));

        _branches.Teardown(Request(PodSecurityGroupEnforcingMode.Standard));

        Assert.Equal(
            ["10: from all iif vlan.eth.8 lookup 108"],
            nl.ListRules(AddressFamily.InterNetwork).Where(r => r.Priority == 10).Select(r => r.ToString()));
    }

    private BranchEniRequest Request(PodSecurityGroupEnforcingMode mode) =>
        new(new PodNetworkRequest("sgp", "pod-c", _node.PodA, "eth0", IPAddress.Parse("10.0.2.30")), 7, BranchMac, _node.NodeNetlink.FindLinkByName("eth1")!.Index, IPAddress.Parse("10.0.2.1"), mode);

    /// <summary>
    /// On a kernel without 802.1Q (the CI VM's kernel has no 8021q), creating the VLAN link fails with a typed
    /// NotSupported error; the test then checks that the failed setup undid the veth it had already made.
    /// </summary>
    private bool TrySetup(BranchEniRequest request, out PodWiringResult wired)
    {
        try
        {
            wired = _branches.Setup(request);
            return true;
        }
        catch (NetlinkNotSupportedException)
        {
            wired = null!;
            Assert.Null(_node.NodeNetlink.FindLinkByName(request.EffectivePod.HostVeth));
            Assert.DoesNotContain(_node.NodeNetlink.ListRules(AddressFamily.InterNetwork), r => r.Priority is 10 or 512 or 1536);
            return false;
        }
    }

    private void AssertTornDownTwice(BranchEniRequest request)
    {
        Assert.True(_branches.Teardown(request) > 0);
        Assert.Equal(0, _branches.Teardown(request));
        Assert.Null(_node.NodeNetlink.FindLinkByName("vlan.eth.7"));
        Assert.Empty(_node.NodeNetlink.ListRoutes(AddressFamily.InterNetwork, 107));
        Assert.DoesNotContain(_node.NodeNetlink.ListRules(AddressFamily.InterNetwork), r => r.Priority is 10 or 512 or 1536);
    }
}
