namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>
/// vpc-cni under a real container runtime: Debian's containerd and runc in the node namespace,
/// containers started with <c>ctr run --cni</c>, which loads the conflist from /etc/cni/net.d and
/// executes the plugins from /opt/cni/bin (both bind mounts in containerd's private mount namespace).
/// ctr sends an empty CNI_ARGS, while vpc-cni, a Kubernetes plugin, needs the pod's name and namespace
/// for ADD (it names the host veth after them, as upstream does); a shim in the plugin directory adds
/// the identity containerd's CRI plugin would send (<see cref="CniNetwork.SupplyKubernetesIdentityTo"/>).
/// </summary>
public sealed class ContainerdTests
{
    [RootFact]
    public async Task Containers_started_by_ctr_get_addresses_from_vpc_cni_and_nothing_remains_after_they_stop()
    {
        await using var node = await VpcCniNode.StartAsync(warmAddresses: 2);
        node.Network.SupplyKubernetesIdentityTo("vpc-cni");
        await using var containerd = await ContainerdInNamespace.StartAsync(node.Network, node.Directory.File("containerd"));

        var first = await containerd.RunAsync("web1");
        var second = await containerd.RunAsync("web2");

        var pods = await node.PodsAsync();
        Assert.Equal(2, pods.Count);
        foreach (var (line, id) in new[] { (first, "default-web1"), (second, "default-web2") })
        {
            // ctr names the attachment <namespace>-<id> (CNI_CONTAINERID); the service holds that key.
            Assert.True(pods.TryGetValue(id, out var address), $"/v1/pods lacks {id}: {string.Join(", ", pods.Keys)}\nplugin log:\n{node.PluginLog}");
            Assert.Contains($"inet {address}/32 ", line, StringComparison.Ordinal);
        }

        var (code, output) = await containerd.ExecAsync("web1", "/bin/ping", "-c", "1", "-W", "3", pods["default-web2"]);
        Assert.True(code == 0, output);

        await containerd.StopAsync("web1");
        await containerd.StopAsync("web2");
        Assert.Empty(await containerd.ContainersAsync());
        Assert.Empty(await node.PodsAsync());
        var traces = await PodTraces.ReadAsync(node.NodeNamespace);
        Assert.True(traces.Empty, traces.ToString());
    }
}
