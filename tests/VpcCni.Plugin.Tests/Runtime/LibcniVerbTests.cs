namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>
/// vpc-cni driven by libcni (tools/cni-driver) as containerd and CRI-O drive it, against the real
/// node service on the simulator, all in throwaway namespaces: each verb is judged by what the
/// kernel and the service hold afterwards, not by what the plugin printed.
/// </summary>
public sealed class LibcniVerbTests
{
    [RootFact]
    public async Task Add_wires_the_pod_check_confirms_it_del_removes_everything_and_del_again_succeeds()
    {
        await using var node = await VpcCniNode.StartAsync();
        var pod = node.Namespaces.Create("pod1");

        var added = (await node.Network.AddAsync("c1", pod)).AssertSucceeded();
        var address = added.Address();
        Assert.Equal([address + "/32"], await KernelView.AddressesAsync(pod, "eth0"));
        Assert.Contains("default dev eth0 via 169.254.1.1", await KernelView.RoutesAsync(pod));
        var traces = await PodTraces.ReadAsync(node.NodeNamespace, address);
        Assert.Single(traces.Veths);
        Assert.Equal([$"{address} dev {traces.Veths[0]}"], traces.Routes);
        Assert.Contains($"512: to {address}/32 lookup main", traces.Rules);
        Assert.Equal(address, (await node.PodsAsync())["c1"]);

        (await node.Network.CheckAsync("c1", pod)).AssertSucceeded();

        (await node.Network.DelAsync("c1", pod)).AssertSucceeded();
        Assert.Empty(await KernelView.AddressesAsync(pod, "eth0"));
        Assert.True((await PodTraces.ReadAsync(node.NodeNamespace)).Empty, (await PodTraces.ReadAsync(node.NodeNamespace)).ToString());
        Assert.DoesNotContain("c1", (await node.PodsAsync()).Keys);

        (await node.Network.DelAsync("c1", pod)).AssertSucceeded();
    }

    [RootFact]
    public async Task Check_fails_once_the_pod_lost_its_address()
    {
        await using var node = await VpcCniNode.StartAsync();
        var pod = node.Namespaces.Create("pod1");
        var address = (await node.Network.AddAsync("c1", pod)).AssertSucceeded().Address();

        await ThrowawayNamespaces.RunAsync(pod, "ip", "addr", "del", address + "/32", "dev", "eth0");

        var check = await node.Network.CheckAsync("c1", pod);
        Assert.False(check.Succeeded, check.Stdout + check.Stderr);
        Assert.True(check.Json().GetProperty("code").GetInt32() > 0, check.Stdout);
        (await node.Network.DelAsync("c1", pod)).AssertSucceeded();
    }

    [RootFact]
    public async Task Gc_releases_the_allocations_of_attachments_not_listed_and_keeps_the_listed_ones()
    {
        await using var node = await VpcCniNode.StartAsync(warmAddresses: 3);
        var kept = node.Namespaces.Create("kept");
        var stale = node.Namespaces.Create("stale");
        var keptAddress = (await node.Network.AddAsync("kept1", kept)).AssertSucceeded().Address();
        (await node.Network.AddAsync("stale1", stale)).AssertSucceeded();

        (await node.Network.GcAsync(("kept1", "eth0"))).AssertSucceeded();

        var pods = await node.PodsAsync();
        Assert.Equal(keptAddress, pods["kept1"]);
        Assert.DoesNotContain("stale1", pods.Keys);
        (await node.Network.CheckAsync("kept1", kept)).AssertSucceeded();

        // The runtime's later DEL of the collected attachment still succeeds (CNI spec 1.1, "GC").
        (await node.Network.DelAsync("stale1", stale)).AssertSucceeded();
        (await node.Network.DelAsync("kept1", kept)).AssertSucceeded();
        Assert.Empty(await node.PodsAsync());
    }

    [RootFact]
    public async Task Status_succeeds_while_the_service_serves_and_answers_code_50_once_it_stopped()
    {
        await using var node = await VpcCniNode.StartAsync();
        (await node.Network.StatusAsync()).AssertSucceeded();

        await node.Service.SignalAsync("TERM");
        await node.Service.WaitForExitAsync();

        var status = await node.Network.StatusAsync();
        Assert.False(status.Succeeded);
        Assert.Equal(50, status.Json().GetProperty("code").GetInt32());
    }
}
