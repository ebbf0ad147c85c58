using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.Netlink;

namespace VpcCni.Engine.Tests.Linux;

public sealed class RtNetlinkTests : IDisposable
{
    private readonly ThrowawayNamespaces _ns = new();

    public void Dispose() => _ns.Dispose();

    [RootFact]
    public void VethPeerIsCreatedDirectlyInTheOtherNamespace()
    {
        var a = _ns.Create("a");
        var b = _ns.Create("b");
        using var nlA = _ns.Open(a);
        using var nlB = _ns.Open(b);
        using var bHandle = _ns.NetNs.Open(b);
        var mac = PhysicalAddress.Parse("02-00-00-00-00-42");

        nlA.CreateVeth("left", "right", 1400, mac, bHandle);

        var left = nlA.FindLinkByName("left");
        var right = nlB.FindLinkByName("right");
        Assert.NotNull(left);
        Assert.NotNull(right);
        Assert.Equal("veth", left.Kind);
        Assert.Equal(1400, left.Mtu);
        Assert.Equal(1400, right.Mtu);
        Assert.Equal(mac, right.Mac);
        Assert.Null(nlA.FindLinkByName("right"));
        Assert.Equal(right, nlB.FindLinkByMac(mac));
        Assert.Equal(right, nlB.FindLinkByIndex(right.Index));
    }

    [RootFact]
    public void LinkChangesAreReadBack()
    {
        using var nl = _ns.Open(_ns.Create("a"));
        nl.CreateVeth("x0", "x1", 0, null, null);
        var link = nl.FindLinkByName("x0")!;
        var mac = PhysicalAddress.Parse("02-11-22-33-44-55");

        nl.SetMtu(link.Index, 9001);
        nl.SetMac(link.Index, mac);
        nl.Rename(link.Index, "x0renamed");
        nl.SetUp(link.Index);

        var changed = nl.FindLinkByIndex(link.Index)!;
        Assert.Equal(("x0renamed", 9001, true), (changed.Name, changed.Mtu, changed.IsUp));
        Assert.Equal(mac, changed.Mac);
        nl.SetDown(link.Index);
        Assert.False(nl.FindLinkByIndex(link.Index)!.IsUp);
        nl.DeleteLink(link.Index);
        Assert.Null(nl.FindLinkByName("x0renamed"));
        Assert.Null(nl.FindLinkByName("x1"));
    }

    [RootFact]
    public void CreatingAnExistingLinkThrowsAlreadyExistsAndDeletingAMissingOneThrowsNotFound()
    {
        using var nl = _ns.Open(_ns.Create("a"));
        nl.CreateVeth("dup0", "dup1", 0, null, null);
        var index = nl.FindLinkByName("dup0")!.Index;

        Assert.Throws<NetlinkAlreadyExistsException>(() => nl.CreateVeth("dup0", "dup2", 0, null, null));
        nl.DeleteLink(index);
        var missing = Assert.Throws<NetlinkNotFoundException>(() => nl.DeleteLink(index));
        Assert.Equal(19, missing.Errno);
        Assert.Equal(ErrorIds.Netlink.NotFound, missing.ErrorId);
    }

    [RootFact]
    public void AddressesRoutesRulesAndNeighboursRoundTrip()
    {
        using var nl = _ns.Open(_ns.Create("a"));
        nl.CreateVeth("r0", "r1", 0, null, null);
        var r0 = nl.FindLinkByName("r0")!.Index;
        nl.SetUp(r0);
        nl.SetUp(nl.FindLinkByName("r1")!.Index);

        nl.AddAddress(r0, IPAddress.Parse("10.9.0.5"), 24);
        nl.AddAddress(r0, IPAddress.Parse("10.9.0.6"), 24);
        nl.ReplaceGlobalAddresses(r0, IPAddress.Parse("10.9.0.7"), 24);
        Assert.Equal(["10.9.0.7/24"], nl.ListAddresses(r0, AddressFamily.InterNetwork).Select(a => a.ToString()));
        Assert.Throws<NetlinkAlreadyExistsException>(() => nl.AddAddress(r0, IPAddress.Parse("10.9.0.7"), 24));
        Assert.Throws<NetlinkNotFoundException>(() => nl.DeleteAddress(r0, IPAddress.Parse("10.9.0.99"), 24));

        var gw = new RouteEntry(IPNetwork.Parse("10.9.0.1/32"), null, r0, 2000, RouteScope.Link);
        var dflt = new RouteEntry(IPNetwork.Parse("0.0.0.0/0"), IPAddress.Parse("10.9.0.1"), r0, 2000);
        nl.AddRoute(gw);
        nl.AddRoute(dflt);
        nl.ReplaceRoute(dflt);
        Assert.Equal([gw, dflt], nl.ListRoutes(AddressFamily.InterNetwork, 2000).OrderByDescending(r => r.Destination.PrefixLength));
        Assert.Throws<NetlinkAlreadyExistsException>(() => nl.AddRoute(gw));
        nl.DeleteRoute(dflt);
        Assert.Throws<NetlinkNotFoundException>(() => nl.DeleteRoute(dflt));

        var rule = new RuleEntry(1024, RouteEntry.MainTable, Mark: 0x80, Mask: 0x80);
        var iif = new RuleEntry(10, 2000, InputInterface: "r0");
        var from = new RuleEntry(1536, 70000, Source: IPNetwork.Parse("10.9.0.7/32"));
        foreach (var r in new[] { rule, iif, from })
        {
            nl.AddRule(r);
            Assert.Contains(r, nl.ListRules(AddressFamily.InterNetwork));
            Assert.Throws<NetlinkAlreadyExistsException>(() => nl.AddRule(r));
            nl.DeleteRule(r);
            Assert.DoesNotContain(r, nl.ListRules(AddressFamily.InterNetwork));
            Assert.Throws<NetlinkNotFoundException>(() => nl.DeleteRule(r));
        }

        var neighbour = new NeighbourEntry(r0, IPAddress.Parse("10.9.0.1"), PhysicalAddress.Parse("02-00-00-00-00-01"));
        nl.AddNeighbour(neighbour);
        Assert.Contains(neighbour, nl.ListNeighbours(AddressFamily.InterNetwork, r0));
        Assert.Throws<NetlinkAlreadyExistsException>(() => nl.AddNeighbour(neighbour));
        nl.ReplaceNeighbour(neighbour with { Mac = PhysicalAddress.Parse("02-00-00-00-00-02") });
        nl.DeleteNeighbour(neighbour);
        Assert.Throws<NetlinkNotFoundException>(() => nl.DeleteNeighbour(neighbour));
    }

    [RootFact]
    public void LinkKindsTheKernelLacksAreReportedAsNotSupportedOrCreated()
    {
        // The CI kernel may be built without 8021q or dummy; either outcome is a typed, checked result.
        using var nl = _ns.Open(_ns.Create("a"));
        nl.CreateVeth("p0", "p1", 0, null, null);
        var parent = nl.FindLinkByName("p0")!.Index;
        try
        {
            nl.CreateVlan("vlan.eth.7", parent, 7, PhysicalAddress.Parse("02-00-00-00-07-07"), 0);
            var vlan = nl.FindLinkByName("vlan.eth.7")!;
            Assert.Equal(("vlan", 7, parent), (vlan.Kind, vlan.VlanId, vlan.ParentIndex));
        }
        catch (NetlinkNotSupportedException e)
        {
            Assert.Equal(95, e.Errno);
        }

        try
        {
            nl.CreateDummy("d0", PhysicalAddress.Parse("02-00-00-00-0d-0d"));
            Assert.Equal("dummy", nl.FindLinkByName("d0")!.Kind);
        }
        catch (NetlinkNotSupportedException e)
        {
            Assert.Equal(ErrorIds.Netlink.NotSupported, e.ErrorId);
        }
    }
}
