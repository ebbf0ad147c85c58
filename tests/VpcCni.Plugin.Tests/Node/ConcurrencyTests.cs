using System.Text.Json;
using VpcCni.Plugin.Tests.Support;

namespace VpcCni.Plugin.Tests.Node;

/// <summary>Fifty pods added at once, then deleted at once, each in its own namespace, against one real service.</summary>
[Collection(PluginNodeGroup.Name)]
public sealed class ConcurrencyTests(PluginNode node)
{
    private const int Pods = 50;

    [RootFact]
    public async Task FiftyConcurrentAddsGetDistinctAddressesAndFiftyConcurrentDelsLeakNone()
    {
        var before = node.NodeState();
        var conf = node.Conf();
        var pods = Enumerable.Range(0, Pods).Select(_ => node.NewPod("cc")).ToList();

        var adds = await Task.WhenAll(pods.Select(p => Task.Run(() => AddUntilServedAsync(p.Netns, p.PodName, p.ContainerId, conf.ToJsonString()))));
        Assert.All(adds, a => Assert.True(a.ExitCode == 0, a.ToString()));
        var addresses = adds.Select(a => a.Address).ToList();
        Assert.Equal(Pods, addresses.Distinct().Count());

        // The service's view and its checkpoint agree with what is live.
        var containers = pods.Select(p => p.ContainerId).ToHashSet();
        var live = (await node.AllocationsAsync()).Where(a => containers.Contains(a.ContainerId)).ToDictionary(a => a.ContainerId, a => a.Address.ToString());
        Assert.Equal(pods.Zip(addresses).ToDictionary(x => x.First.ContainerId, x => x.Second), live);
        Assert.Equal(live.OrderBy(x => x.Key), CheckpointOf(containers).OrderBy(x => x.Key));
        Assert.Equal(Pods, node.NodeState().Rules.Count(r => r.StartsWith("512:", StringComparison.Ordinal)) - before.Rules.Count(r => r.StartsWith("512:", StringComparison.Ordinal)));

        var dels = await Task.WhenAll(pods.Zip(adds).Select(x => Task.Run(() => node.RunAsync(
            PluginRunner.Environment("DEL", x.First.ContainerId, x.First.Netns, x.First.PodName),
            NetConfJson.WithPrevResult(conf, x.Second.Stdout)))));
        Assert.All(dels, d => Assert.True(d.ExitCode == 0, d.ToString()));
        Assert.DoesNotContain(await node.AllocationsAsync(), a => containers.Contains(a.ContainerId));
        Assert.Empty(CheckpointOf(containers));
        Assert.Equal(before, node.NodeState(), StateComparer.Instance);
    }

    /// <summary>As the kubelet does: an ADD answered "try again later" (the pool still growing) is retried.</summary>
    private async Task<PluginOutcome> AddUntilServedAsync(string netns, string pod, string container, string conf)
    {
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await node.RunAsync(PluginRunner.Environment("ADD", container, netns, pod), conf);
            if (outcome.Code != 11 || attempt == 5)
            {
                return outcome;
            }
        }
    }

    private Dictionary<string, string> CheckpointOf(HashSet<string> containers)
    {
        using var checkpoint = JsonDocument.Parse(File.ReadAllText(node.CheckpointPath));
        return checkpoint.RootElement.GetProperty("allocations").EnumerateArray()
            .Where(a => containers.Contains(a.GetProperty("containerID").GetString()!))
            .ToDictionary(a => a.GetProperty("containerID").GetString()!, a => a.GetProperty("ipv4").GetString()!);
    }
}
