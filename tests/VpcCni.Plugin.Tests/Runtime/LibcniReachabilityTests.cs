namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>
/// Pods wired by vpc-cni through libcni reach each other across the node, including pods whose
/// addresses come from a secondary ENI once the primary ENI is full, and leave nothing behind.
/// </summary>
public sealed class LibcniReachabilityTests
{
    [RootFact]
    public async Task Pods_in_two_namespaces_ping_each_other()
    {
        await using var node = await VpcCniNode.StartAsync();
        var first = node.Namespaces.Create("pod1");
        var second = node.Namespaces.Create("pod2");
        var firstAddress = (await node.Network.AddAsync("c1", first, podName: "pod1")).AssertSucceeded().Address();
        var secondAddress = (await node.Network.AddAsync("c2", second, podName: "pod2")).AssertSucceeded().Address();
        Assert.NotEqual(firstAddress, secondAddress);

        await AssertPingsAsync(first, secondAddress);
        await AssertPingsAsync(second, firstAddress);

        (await node.Network.DelAsync("c1", first, podName: "pod1")).AssertSucceeded();
        (await node.Network.DelAsync("c2", second, podName: "pod2")).AssertSucceeded();
        Assert.True((await PodTraces.ReadAsync(node.NodeNamespace)).Empty);
    }

    /// <summary>
    /// t3.small: 3 ENIs of 4 addresses (one primary, so 3 pod addresses per ENI). The default
    /// WARM_ENI_TARGET=1 keeps one ENI's worth of addresses free, so the first pod makes the service
    /// attach a second ENI; the fourth and later pods get its addresses, its route table and a rule 1536.
    /// </summary>
    [RootFact]
    public async Task Pods_beyond_the_primary_enis_capacity_spill_onto_a_secondary_eni_still_reach_each_other_and_leave_nothing_after_del()
    {
        const int Pods = 5;
        await using var node = await VpcCniNode.StartAsync("t3.small", warmAddresses: 3);
        var pods = new List<(string Id, string Netns, string Address)>();
        for (var i = 0; i < Pods; i++)
        {
            var netns = node.Namespaces.Create($"pod{i}");
            var added = await node.Network.AddAsync($"c{i}", netns, podName: $"pod{i}");
            Assert.True(added.Succeeded, $"pod {i}: {added.Stdout}{added.Stderr}\nplugin log:\n{node.PluginLog}");
            pods.Add(($"c{i}", netns, added.Address()));
        }

        Assert.Equal(Pods, pods.Select(p => p.Address).Distinct().Count());
        var onSecondary = new List<(string Id, string Netns, string Address)>();
        foreach (var pod in pods)
        {
            if ((await PodTraces.ReadAsync(node.NodeNamespace, pod.Address)).OnSecondaryEni)
            {
                onSecondary.Add(pod);
            }
        }

        Assert.NotEmpty(onSecondary);
        var onPrimary = pods.Except(onSecondary).ToList();
        Assert.NotEmpty(onPrimary);
        Assert.True((await node.PoolAsync()).Enis >= 2);

        await AssertPingsAsync(onSecondary[0].Netns, onPrimary[0].Address);
        await AssertPingsAsync(onPrimary[0].Netns, onSecondary[0].Address);
        if (onSecondary.Count > 1)
        {
            await AssertPingsAsync(onSecondary[0].Netns, onSecondary[1].Address);
        }

        foreach (var pod in pods)
        {
            (await node.Network.DelAsync(pod.Id, pod.Netns, podName: "pod" + pod.Id[1..])).AssertSucceeded();
        }

        var traces = await PodTraces.ReadAsync(node.NodeNamespace);
        Assert.True(traces.Empty, traces.ToString());
        Assert.Empty(await node.PodsAsync());
    }

    private static async Task AssertPingsAsync(string from, string address)
    {
        var (answered, output) = await KernelView.PingAsync(from, address);
        Assert.True(answered, $"ping {address} from {from}: {output}");
    }
}
