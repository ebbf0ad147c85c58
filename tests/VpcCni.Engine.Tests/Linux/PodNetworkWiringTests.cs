using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Tests.Linux;

public sealed class PodNetworkWiringTests : IDisposable
{
    private readonly NodeScenario _node = new();

    public void Dispose() => _node.Dispose();

    [RootFact]
    public async Task TwoPodsOnTwoEnisGetExactlyTheReferenceStateTalkAndLeaveNothingBehind()
    {
        var enis = _node.HostEnis();
        await enis.SetupEniAsync(NodeScenario.PrimaryEni, CancellationToken.None);
        await enis.SetupEniAsync(NodeScenario.SecondaryEni, CancellationToken.None);
        enis.ApplyHostRules(new HostRulesSpec(NodePortSupport: true));
        var a = _node.Pods.Setup(_node.PodARequest);
        var b = _node.Pods.Setup(_node.PodBRequest);

        // Host veth names are upstream's: eni + sha1("default.pod-a")[:11].
        Assert.Equal(("eni5e1c4d6c68c", "eni2f5353dd8c5"), (a.HostVeth, b.HostVeth));
        var nl = _node.NodeNetlink;
        var eth0 = nl.FindLinkByName("eth0")!;
        var eth1 = nl.FindLinkByMac(NodeScenario.Eth1Mac)!;
        Assert.Equal(["eni2f5353dd8c5", "eni5e1c4d6c68c", "eth0", "eth1", "lo"], nl.ListLinks().Select(l => l.Name).Order(StringComparer.Ordinal));
        Assert.Equal((9001, 9001, true), (eth0.Mtu, eth1.Mtu, eth1.IsUp));
        Assert.Equal(["10.0.1.10/24"], nl.ListAddresses(eth1.Index, AddressFamily.InterNetwork).Select(x => x.ToString()));

        // The rules table of docs/dataplane.md: 512 per pod, 1024 fwmark, 1536 for the secondary-ENI pod, 32765 for the ENI.
        string[] expectedRules =
        [
            "0: from all lookup 255",
            "1024: from all fwmark 0x80/0x80 lookup 254",
            "1536: from 10.0.1.20/32 lookup 2",
            "32765: from 10.0.1.10/32 lookup 2",
            "32766: from all lookup 254",
            "32767: from all lookup 253",
            "512: from all to 10.0.0.20/32 lookup 254",
            "512: from all to 10.0.1.20/32 lookup 254",
        ];
        Assert.Equal(expectedRules, nl.ListRules(AddressFamily.InterNetwork).Select(r => r.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["0: from all lookup local", "1024: from all fwmark 0x80/0x80 lookup main", "1536: from 10.0.1.20 lookup 2", "32765: from 10.0.1.10 lookup 2",
             "32766: from all lookup main", "32767: from all lookup default", "512: from all to 10.0.0.20 lookup main", "512: from all to 10.0.1.20 lookup main"],
            IpJson.Rules(Path.GetFileName(_node.Node)));

        Assert.Equal(
            new HashSet<RouteEntry>
            {
                new(IPNetwork.Parse("10.0.0.0/24"), null, eth0.Index, 254, RouteScope.Link, IPAddress.Parse("10.0.0.10")),
                new(IPNetwork.Parse("10.0.0.20/32"), null, a.HostIndex, 254, RouteScope.Link),
                new(IPNetwork.Parse("10.0.1.20/32"), null, b.HostIndex, 254, RouteScope.Link),
            },
            nl.ListRoutes(AddressFamily.InterNetwork, 254).ToHashSet());
        Assert.Equal(
            new HashSet<RouteEntry>
            {
                new(IPNetwork.Parse("10.0.1.1/32"), null, eth1.Index, 2, RouteScope.Link),
                new(IPNetwork.Parse("0.0.0.0/0"), IPAddress.Parse("10.0.1.1"), eth1.Index, 2),
            },
            nl.ListRoutes(AddressFamily.InterNetwork, 2).ToHashSet());

        var sysctl = new ProcSysctl();
        Assert.Equal(("0", "1", "0"), _node.Namespaces.NetNs.Run(_node.Node, () => (
            sysctl.Read($"net/ipv6/conf/{a.HostVeth}/accept_ra"),
            sysctl.Read($"net/ipv6/conf/{a.HostVeth}/accept_redirects"),
            sysctl.Read($"net/ipv6/conf/{a.HostVeth}/forwarding"))));
        AssertPodSide(_node.PodA, "10.0.0.20", a);
        AssertPodSide(_node.PodB, "10.0.1.20", b);

        Assert.Equal(IPStatus.Success, _node.Ping(_node.PodA, "10.0.1.20"));
        Assert.Equal(IPStatus.Success, _node.Ping(_node.PodB, "10.0.0.20"));
        Assert.Equal(IPStatus.Success, _node.Ping(_node.PodA, "10.0.0.10"));
        Assert.Equal(IPStatus.Success, _node.Ping(_node.PodB, "10.0.0.10"));
        Assert.Equal(IPStatus.Success, _node.Ping(_node.PodB, "10.0.1.1")); // leaves through eth1 via rules 1536 → table 2
        Assert.Equal(IPStatus.Success, _node.Ping(_node.PodA, "10.0.0.1")); // leaves through eth0 via main

        Assert.Equal(3, _node.Pods.Teardown(_node.PodARequest)); // rule 512, /32 route, veth
        Assert.Equal(4, _node.Pods.Teardown(_node.PodBRequest)); // and rule 1536
        Assert.Equal(0, _node.Pods.Teardown(_node.PodARequest));
        Assert.Equal(0, _node.Pods.Teardown(_node.PodBRequest));
        Assert.Equal(3, enis.TeardownEni(NodeScenario.SecondaryEni));
        Assert.Equal(0, enis.TeardownEni(NodeScenario.SecondaryEni));
        enis.ApplyHostRules(new HostRulesSpec(NodePortSupport: false, ExternalSnat: true));

        Assert.Equal(["eth0", "eth1", "lo"], nl.ListLinks().Select(l => l.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["0: from all lookup 255", "32766: from all lookup 254", "32767: from all lookup 253"],
            nl.ListRules(AddressFamily.InterNetwork).Select(r => r.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal([IPNetwork.Parse("10.0.0.0/24")], nl.ListRoutes(AddressFamily.InterNetwork, 254).Select(r => r.Destination));
        Assert.Empty(nl.ListRoutes(AddressFamily.InterNetwork, 2));
        foreach (var pod in new[] { _node.PodA, _node.PodB })
        {
            using var podNl = _node.Namespaces.Open(pod);
            Assert.Equal(["lo"], podNl.ListLinks().Select(l => l.Name));
        }
    }

    [RootFact]
    public void ALateDelOfAnEarlierSandboxLeavesTheLiveSandboxOfTheSamePodWorking()
    {
        // Two sandboxes of one pod (a StatefulSet restart, a containerd restart): same namespace and
        // name, so the same host veth name, but their own network namespaces and addresses.
        var sandboxA = _node.PodARequest;
        var sandboxB = _node.PodARequest with { NetnsPath = _node.PodB, PodIp = IPAddress.Parse("10.0.0.21") };
        _node.Pods.Setup(sandboxA);
        var b = _node.Pods.Setup(sandboxB);

        _node.Pods.Teardown(sandboxA);

        var nl = _node.NodeNetlink;
        Assert.Equal(b.HostIndex, nl.FindLinkByName(sandboxB.HostVeth)?.Index);
        Assert.Contains(new RouteEntry(IPNetwork.Parse("10.0.0.21/32"), null, b.HostIndex, 254, RouteScope.Link), nl.ListRoutes(AddressFamily.InterNetwork, 254));
        Assert.Equal(
            ["512: from all to 10.0.0.21/32 lookup 254"],
            nl.ListRules(AddressFamily.InterNetwork).Where(r => r.Priority == 512).Select(r => r.ToString()));
        Assert.Equal(IPStatus.Success, _node.Ping(_node.PodB, "10.0.0.10"));
    }

    [RootFact]
    public void DelAfterTheRuntimeRemovedTheNamespaceRemovesTheRulesAndSucceeds()
    {
        var gone = _node.PodARequest with { NetnsPath = Path.Combine(Path.GetDirectoryName(_node.PodA)!, _node.Namespaces.NameOf("never-created")) };
        _node.Pods.Setup(_node.PodARequest);

        var removed = _node.Pods.Teardown(gone);

        Assert.Equal(2, removed); // rule 512 and the /32 route; the veth is left to the namespace that owns it
        Assert.DoesNotContain(_node.NodeNetlink.ListRules(AddressFamily.InterNetwork), r => r.Priority == 512);
    }

    [RootFact]
    public void SetupReplacesAStaleHostVethOfTheSameName()
    {
        var request = _node.PodARequest;
        _node.NodeNetlink.CreateVeth(request.HostVeth, "stale-peer", 0, null, null);

        var result = _node.Pods.Setup(request);

        Assert.Null(_node.NodeNetlink.FindLinkByName("stale-peer"));
        Assert.Equal("veth", _node.NodeNetlink.FindLinkByName(request.HostVeth)!.Kind);
        Assert.Equal(result.HostIndex, _node.NodeNetlink.FindLinkByName(request.HostVeth)!.Index);
    }

    [RootFact]
    public void FailedSetupUndoesWhatItDid()
    {
        // The pod namespace already has eth0, so creating the pair fails after the stale-veth step.
        using (var pod = _node.Namespaces.Open(_node.PodA))
        {
            pod.CreateVeth("eth0", "other", 0, null, null);
        }

        Assert.Throws<VpcCni.Engine.Linux.Netlink.NetlinkAlreadyExistsException>(() => _node.Pods.Setup(_node.PodARequest));

        Assert.Null(_node.NodeNetlink.FindLinkByName(_node.PodARequest.HostVeth));
        Assert.DoesNotContain(_node.NodeNetlink.ListRules(AddressFamily.InterNetwork), r => r.Priority == 512);
    }

    private void AssertPodSide(string podPath, string podIp, PodWiringResult wired)
    {
        using var pod = _node.Namespaces.Open(podPath);
        var eth0 = pod.FindLinkByName("eth0")!;
        Assert.Equal(["eth0", "lo"], pod.ListLinks().Select(l => l.Name).Order(StringComparer.Ordinal));
        Assert.Equal((9001, true, "veth"), (eth0.Mtu, eth0.IsUp, eth0.Kind));
        Assert.Equal([$"{podIp}/32"], pod.ListAddresses(eth0.Index, AddressFamily.InterNetwork).Select(x => x.ToString()));
        Assert.Equal(
            new HashSet<RouteEntry>
            {
                new(IPNetwork.Parse("169.254.1.1/32"), null, eth0.Index, 254, RouteScope.Link),
                new(IPNetwork.Parse("0.0.0.0/0"), IPAddress.Parse("169.254.1.1"), eth0.Index, 254),
            },
            pod.ListRoutes(AddressFamily.InterNetwork, 254).ToHashSet());
        Assert.Contains(new NeighbourEntry(eth0.Index, IPAddress.Parse("169.254.1.1"), wired.HostMac, IsPermanent: true), pod.ListNeighbours(AddressFamily.InterNetwork, eth0.Index));
        var ipNeigh = IpJson.Run(Path.GetFileName(podPath), "neigh", "show", "dev", "eth0").EnumerateArray()
            .Single(n => n.GetProperty("dst").GetString() == "169.254.1.1");
        Assert.Equal(wired.HostMac.ToString(), ipNeigh.GetProperty("lladdr").GetString()!.Replace(":", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        Assert.Contains("PERMANENT", ipNeigh.GetProperty("state").EnumerateArray().Select(s => s.GetString()));
    }
}
