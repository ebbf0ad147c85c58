using System.Net.Sockets;
using System.Text.Json.Nodes;
using VpcCni.Engine.Errors;
using VpcCni.Plugin.Tests.Support;

namespace VpcCni.Plugin.Tests.Node;

/// <summary>ADD, CHECK, DEL and DEL again against the real node service, with pods and the node in throwaway namespaces.</summary>
[Collection(PluginNodeGroup.Name)]
public sealed class PodLifecycleTests(PluginNode node)
{
    [RootFact]
    public async Task AddWiresThePodCheckPassesDelRemovesEverythingAndASecondDelSucceeds()
    {
        var before = node.NodeState();
        var (netns, pod, container) = node.NewPod();
        var conf = node.Conf();
        var add = await node.RunAsync(PluginRunner.Environment("ADD", container, netns, pod), conf.ToJsonString());
        Assert.True(add.ExitCode == 0, add.ToString());
        var address = add.Address;

        // The service holds the address for this container; the pod and the node are wired.
        Assert.Contains(await node.AllocationsAsync(), a => a.ContainerId == container && a.Address.ToString() == address);
        using (var pod1 = node.Namespaces.Open(netns))
        {
            var eth0 = pod1.FindLinkByName("eth0")!;
            Assert.Contains(pod1.ListAddresses(eth0.Index, AddressFamily.InterNetwork), a => a.Address.ToString() == address && a.PrefixLength == 32);
        }

        var wired = node.NodeState();
        Assert.Contains($"512: from all to {address}/32 lookup 254", wired.Rules);
        Assert.Contains(add.Json.GetProperty("interfaces")[0].GetProperty("name").GetString(), wired.Links);
        Assert.Contains(File.ReadLines(node.LogFile), l => l.Contains("SNAT", StringComparison.Ordinal) && l.Contains(address, StringComparison.Ordinal));

        var withPrev = NetConfJson.WithPrevResult(conf, add.Stdout);
        var check = await node.RunAsync(PluginRunner.Environment("CHECK", container, netns, pod), withPrev);
        Assert.True(check.ExitCode == 0, check.ToString());

        var del = await node.RunAsync(PluginRunner.Environment("DEL", container, netns, pod), withPrev);
        Assert.True((del.ExitCode, del.Stdout) == (0, string.Empty), del.ToString());
        Assert.DoesNotContain(await node.AllocationsAsync(), a => a.ContainerId == container);
        Assert.Equal(before, node.NodeState(), StateComparer.Instance);

        var again = await node.RunAsync(PluginRunner.Environment("DEL", container, netns, pod), withPrev);
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    [RootFact]
    public async Task CheckNamesAMissingHostRuleWithCode100()
    {
        var (netns, pod, container) = node.NewPod();
        var conf = node.Conf();
        var add = await node.RunAsync(PluginRunner.Environment("ADD", container, netns, pod), conf.ToJsonString());
        var withPrev = NetConfJson.WithPrevResult(conf, add.Stdout);
        using (var host = node.Namespaces.Open(node.NodeNamespace))
        {
            host.DeleteRule(new Engine.Linux.RuleEntry(512, 254, Destination: new System.Net.IPNetwork(System.Net.IPAddress.Parse(add.Address), 32)));
        }

        var check = await node.RunAsync(PluginRunner.Environment("CHECK", container, netns, pod), withPrev);
        Assert.Equal((100, ErrorIds.Plugin.CheckFailed), (check.Code, check.Details));
        Assert.Contains("512", check.Json.GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await node.RunAsync(PluginRunner.Environment("DEL", container, netns, pod), withPrev)).ExitCode);
    }

    [RootFact]
    public async Task AWiringFailureGivesTheAddressBackAndLeavesNothing()
    {
        var before = node.NodeState();
        var (netns, pod, container) = node.NewPod();

        // The runtime's interface name is taken inside the pod: creating the veth pair fails after the allocation.
        using (var pod1 = node.Namespaces.Open(netns))
        {
            pod1.CreateVeth("eth0", "spare0", 1500, null, null);
        }

        var add = await node.RunAsync(PluginRunner.Environment("ADD", container, netns, pod), node.Conf().ToJsonString());
        Assert.Equal((999, ErrorIds.Plugin.WiringFailed), (add.Code, add.Details));
        Assert.DoesNotContain(await node.AllocationsAsync(), a => a.ContainerId == container);
        Assert.Equal(before, node.NodeState(), StateComparer.Instance);
        Assert.Contains(File.ReadLines(node.LogFile), l => l.Contains("SetupNSFailed", StringComparison.Ordinal) && l.Contains(pod, StringComparison.Ordinal));
    }

    [RootFact]
    public async Task ALateDelOfAnOldSandboxLeavesTheNewSandboxOfTheSamePodWired()
    {
        var (netns, pod, container) = node.NewPod();
        var conf = node.Conf();
        var add = await node.RunAsync(PluginRunner.Environment("ADD", container, netns, pod), conf.ToJsonString());
        Assert.True(add.ExitCode == 0, add.ToString());

        // The runtime delivers a DEL for an older sandbox of the same pod whose cached result names the same address.
        var oldNetns = node.Namespaces.Create("old" + pod);
        var stale = await node.RunAsync(PluginRunner.Environment("DEL", "old" + container, oldNetns, pod), NetConfJson.WithPrevResult(conf, add.Stdout));
        Assert.True(stale.ExitCode == 0, stale.ToString());

        var withPrev = NetConfJson.WithPrevResult(conf, add.Stdout);
        var check = await node.RunAsync(PluginRunner.Environment("CHECK", container, netns, pod), withPrev);
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Equal(0, (await node.RunAsync(PluginRunner.Environment("DEL", container, netns, pod), withPrev)).ExitCode);
    }

    [RootFact]
    public async Task WithTheServiceDownDelTearsDownFromPrevResultAndSucceedsAndTheAddressIsReleasedLater()
    {
        var before = node.NodeState();
        var (netns, pod, container) = node.NewPod();
        var conf = node.Conf();
        var add = await node.RunAsync(PluginRunner.Environment("ADD", container, netns, pod), conf.ToJsonString());
        Assert.True(add.ExitCode == 0, add.ToString());
        var withPrev = NetConfJson.WithPrevResult(conf, add.Stdout);

        await node.StopServiceAsync();
        try
        {
            var del = await node.RunAsync(PluginRunner.Environment("DEL", container, netns, pod), withPrev);
            Assert.True(del.ExitCode == 0, del.ToString());
            Assert.Equal(before, node.NodeState(), StateComparer.Instance);
        }
        finally
        {
            await node.StartServiceAsync();
        }

        // The checkpoint kept the allocation; the runtime's repeated DEL releases it once the service is back.
        Assert.Contains(await node.AllocationsAsync(), a => a.ContainerId == container);
        Assert.Equal(0, (await node.RunAsync(PluginRunner.Environment("DEL", container, netns, pod), withPrev)).ExitCode);
        Assert.DoesNotContain(await node.AllocationsAsync(), a => a.ContainerId == container);
    }

    [RootFact]
    public async Task GcReleasesTheAllocationsOfItsNetworkThatTheRuntimeNoLongerLists()
    {
        var conf = node.Conf();
        conf["name"] = "gc-net";
        conf["introspectionAddress"] = "unix:" + node.IntrospectionSocket;
        var kept = node.NewPod("gck");
        var gone = node.NewPod("gcg");
        var addKept = await node.RunAsync(PluginRunner.Environment("ADD", kept.ContainerId, kept.Netns, kept.PodName), conf.ToJsonString());
        var addGone = await node.RunAsync(PluginRunner.Environment("ADD", gone.ContainerId, gone.Netns, gone.PodName), conf.ToJsonString());
        Assert.True(addKept.ExitCode == 0 && addGone.ExitCode == 0, addKept + " " + addGone);

        // The runtime lost the second sandbox without a DEL: its namespace is gone, its allocation and rules are not.
        node.Namespaces.NetNs.Delete(Path.GetFileName(gone.Netns));
        var goneVeth = addGone.Json.GetProperty("interfaces")[0].GetProperty("name").GetString()!;
        for (var i = 0; i < 100 && node.NodeState().Links.Contains(goneVeth); i++)
        {
            await Task.Delay(50); // the kernel destroys a namespace's links asynchronously
        }

        var gc = (JsonObject)conf.DeepClone();
        gc["cni.dev/attachments"] = new JsonArray(new JsonObject { ["containerID"] = kept.ContainerId, ["ifname"] = "eth0" });
        var outcome = await node.RunAsync(new Dictionary<string, string> { ["CNI_COMMAND"] = "GC", ["CNI_PATH"] = "/opt/cni/bin" }, gc.ToJsonString());
        Assert.True(outcome.ExitCode == 0, outcome.ToString());

        var allocations = await node.AllocationsAsync();
        Assert.Contains(allocations, a => a.ContainerId == kept.ContainerId);
        Assert.DoesNotContain(allocations, a => a.ContainerId == gone.ContainerId);
        Assert.DoesNotContain(node.NodeState().Rules, r => r.Contains(addGone.Address + "/32", StringComparison.Ordinal));
        Assert.Contains(node.NodeState().Rules, r => r.Contains(addKept.Address + "/32", StringComparison.Ordinal));
        Assert.Equal(0, (await node.RunAsync(PluginRunner.Environment("DEL", kept.ContainerId, kept.Netns, kept.PodName), NetConfJson.WithPrevResult(conf, addKept.Stdout))).ExitCode);
    }

    [RootFact]
    public async Task StatusIsReadyWhileTheServiceServes()
    {
        var outcome = await node.RunAsync(new Dictionary<string, string> { ["CNI_COMMAND"] = "STATUS" }, node.Conf().ToJsonString());
        Assert.True((outcome.ExitCode, outcome.Stdout) == (0, string.Empty), outcome.ToString());
    }
}
