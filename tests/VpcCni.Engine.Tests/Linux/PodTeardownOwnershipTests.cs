using System.Net.Sockets;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Tests.Linux;

/// <summary>DEL without the service's word: a sandbox removes an address's host rules and route only when they are its own.</summary>
public sealed class PodTeardownOwnershipTests : IDisposable
{
    private readonly NodeScenario _node = new();

    public void Dispose() => _node.Dispose();

    [RootFact]
    public void AnOldSandboxLeavesTheAddressOfTheNewSandboxWiredAndTheOwnerRemovesEverything()
    {
        var wired = _node.Pods.Setup(_node.PodARequest);

        // A late DEL for an older sandbox of the same pod, naming the same address, from its own (empty) namespace.
        _node.Pods.TeardownIfOwned(_node.PodARequest with { NetnsPath = _node.PodB });
        Assert.Equal(wired.HostIndex, _node.Pods.HostRouteLink(_node.PodARequest.PodIp));
        Assert.Contains(_node.NodeNetlink.ListRules(AddressFamily.InterNetwork), r => r.Priority == 512 && r.Destination!.Value.BaseAddress.Equals(_node.PodARequest.PodIp));

        Assert.True(_node.Pods.TeardownIfOwned(_node.PodARequest) >= 3);
        Assert.Null(_node.Pods.HostRouteLink(_node.PodARequest.PodIp));
        Assert.DoesNotContain(_node.NodeNetlink.ListRules(AddressFamily.InterNetwork), r => r.Priority == 512);
        Assert.Null(_node.NodeNetlink.FindLinkByName(wired.HostVeth));
    }

    [RootFact]
    public void RulesLeftByANamespaceThatIsGoneAreRemoved()
    {
        var wired = _node.Pods.Setup(_node.PodBRequest);
        _node.Namespaces.NetNs.Delete(Path.GetFileName(_node.PodB));
        for (var i = 0; i < 100 && _node.NodeNetlink.FindLinkByName(wired.HostVeth) is not null; i++)
        {
            Thread.Sleep(50); // the kernel destroys a namespace's links asynchronously
        }

        Assert.Equal(2, _node.Pods.TeardownIfOwned(_node.PodBRequest with { NetnsPath = string.Empty }));
        Assert.DoesNotContain(_node.NodeNetlink.ListRules(AddressFamily.InterNetwork), r => r.Priority is 512 or 1536);
    }
}
