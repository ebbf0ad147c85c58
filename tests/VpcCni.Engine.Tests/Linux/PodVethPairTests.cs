using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux;

namespace VpcCni.Engine.Tests.Linux;

/// <summary>ADD and DEL in halves, as the plugin runs them: the veth pair before the address is known or while it is released, the rest apart.</summary>
public sealed class PodVethPairTests : IDisposable
{
    private readonly NodeScenario _node = new();

    public void Dispose() => _node.Dispose();

    [RootFact]
    public async Task APairMadeBeforeTheAddressFinishesIntoTheSamePodAsOneStepSetup()
    {
        var enis = _node.HostEnis();
        await enis.SetupEniAsync(NodeScenario.PrimaryEni, CancellationToken.None);
        var request = _node.PodARequest;

        // Only names, namespace and MTU are read before the address exists.
        using var pair = _node.Pods.CreateVethPair(request with { PodIp = IPAddress.Any });
        var host = _node.NodeNetlink.FindLinkByName(request.HostVeth)!;
        Assert.Equal((pair.Links.HostIndex, true, "veth"), (host.Index, host.IsUp, host.Kind));
        using (var pod = _node.Namespaces.Open(_node.PodA))
        {
            Assert.Empty(pod.ListAddresses(pair.Links.PodIndex, AddressFamily.InterNetwork));
        }

        var wired = _node.Pods.Setup(request, pair);

        Assert.Equal(pair.Links, wired);
        Assert.Contains(new RouteEntry(IPNetwork.Parse("10.0.0.20/32"), null, wired.HostIndex, 254, RouteScope.Link), _node.NodeNetlink.ListRoutes(AddressFamily.InterNetwork, 254));
        Assert.Equal(["512: from all to 10.0.0.20/32 lookup 254"], _node.NodeNetlink.ListRules(AddressFamily.InterNetwork).Where(r => r.Priority == 512).Select(r => r.ToString()));
        using (var pod = _node.Namespaces.Open(_node.PodA))
        {
            Assert.Equal(["10.0.0.20/32"], pod.ListAddresses(wired.PodIndex, AddressFamily.InterNetwork).Select(a => a.ToString()));
        }

        Assert.Equal(IPStatus.Success, _node.Ping(_node.PodA, "10.0.0.10"));
        Assert.Equal(3, _node.Pods.Teardown(request));
    }

    [RootFact]
    public void DelInHalvesTakesThePairWithItsRouteThenTheRulesAndLeavesNothing()
    {
        var request = _node.PodBRequest; // on the secondary ENI: rules 512 and 1536
        _node.Pods.Setup(request);

        Assert.Equal(1, _node.Pods.RemovePodVeth(request));
        Assert.Equal(2, _node.Pods.TeardownHostSide(request)); // the /32 route went with the pair

        var nl = _node.NodeNetlink;
        Assert.Null(nl.FindLinkByName(request.HostVeth));
        Assert.DoesNotContain(nl.ListRules(AddressFamily.InterNetwork), r => r.Priority is 512 or 1536);
        Assert.DoesNotContain(nl.ListRoutes(AddressFamily.InterNetwork, 254), r => r.Destination == IPNetwork.Parse("10.0.1.20/32"));
        Assert.Equal(0, _node.Pods.TeardownHostSide(request));
    }

    [RootFact]
    public void AnUnusedPairIsDeletedThroughItsPodSide()
    {
        var request = _node.PodARequest;
        var pair = _node.Pods.CreateVethPair(request);

        Assert.Equal(1, pair.Discard());

        Assert.Null(_node.NodeNetlink.FindLinkByName(request.HostVeth));
        using var pod = _node.Namespaces.Open(_node.PodA);
        Assert.Equal(["lo"], pod.ListLinks().Select(l => l.Name));
    }

    [RootFact]
    public void APairOfAnotherInterfaceIsRefusedBeforeAnythingIsDone()
    {
        using var pair = _node.Pods.CreateVethPair(_node.PodARequest);
        var other = _node.PodARequest with { PodName = "pod-z" };

        var e = Assert.Throws<VpcCniException>(() => _node.Pods.Setup(other, pair));

        Assert.Equal((VpcCniErrorCategory.InvalidArgument, ErrorIds.Dataplane.VethPairMismatch), (e.Category, e.ErrorId));
        Assert.DoesNotContain(_node.NodeNetlink.ListRules(AddressFamily.InterNetwork), r => r.Priority == 512);
        Assert.Equal(pair.Links.HostIndex, _node.NodeNetlink.FindLinkByName(_node.PodARequest.HostVeth)?.Index);
    }

    [RootFact]
    public void APairThatCannotBeMadeLeavesNoHostVeth()
    {
        using (var pod = _node.Namespaces.Open(_node.PodA))
        {
            pod.CreateVeth("eth0", "other", 0, null, null);
        }

        Assert.Throws<VpcCni.Engine.Linux.Netlink.NetlinkAlreadyExistsException>(() => _node.Pods.CreateVethPair(_node.PodARequest));

        Assert.Null(_node.NodeNetlink.FindLinkByName(_node.PodARequest.HostVeth));
    }
}
