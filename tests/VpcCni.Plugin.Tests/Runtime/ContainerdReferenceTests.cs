namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>
/// The containerd harness proven with Debian's reference plugins: if this fails, containerd, the
/// mount namespace or the rootfs is at fault, not vpc-cni (ContainerdTests runs the same with ours).
/// </summary>
public sealed class ContainerdReferenceTests
{
    [RootFact]
    public async Task Ctr_run_with_cni_gives_two_containers_ptp_addresses_and_ctr_takes_them_back()
    {
        using var namespaces = new ThrowawayNamespaces();
        using var directory = new TempDirectory();
        var node = namespaces.Create("node");
        await RuntimeNodeSetup.PrepareAsync(node);
        var network = await CniNetwork.CreateAsync(node, directory.File("cni"), ReferencePluginTests.ReferenceConflist(directory.Path), ReferencePluginTests.ReferencePlugins());
        await using var containerd = await ContainerdInNamespace.StartAsync(network, directory.File("containerd"));

        var first = await containerd.RunAsync("ref1");
        var second = await containerd.RunAsync("ref2");
        Assert.Contains("inet 10.77.0.", first, StringComparison.Ordinal);
        Assert.Contains("inet 10.77.0.", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);

        await containerd.StopAsync("ref1");
        await containerd.StopAsync("ref2");
        Assert.Empty(await containerd.ContainersAsync());
        Assert.Equal(["lo"], await KernelView.LinksAsync(node));
    }
}
