namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>
/// The harness itself, proven with Debian's reference plugins (ptp + host-local, then portmap) before
/// it is pointed at vpc-cni: if these fail, the driver or the namespaces are at fault, not our plugin.
/// </summary>
public sealed class ReferencePluginTests
{
    [RootFact]
    public async Task Ptp_pods_added_through_libcni_reach_each_other_and_leave_nothing_after_del()
    {
        using var namespaces = new ThrowawayNamespaces();
        using var directory = new TempDirectory();
        var node = namespaces.Create("node");
        await RuntimeNodeSetup.PrepareAsync(node);
        var network = await CniNetwork.CreateAsync(node, directory.Path, ReferenceConflist(directory.Path), ReferencePlugins());
        var pods = new[] { namespaces.Create("pod1"), namespaces.Create("pod2") };

        var addresses = new List<string>();
        for (var i = 0; i < pods.Length; i++)
        {
            var added = (await network.AddAsync($"ref{i}", pods[i])).AssertSucceeded();
            addresses.Add(added.Address());
            Assert.Equal([added.Address() + "/24"], await KernelView.AddressesAsync(pods[i], "eth0"));
            (await network.CheckAsync($"ref{i}", pods[i])).AssertSucceeded();
        }

        var (answered, output) = await KernelView.PingAsync(pods[0], addresses[1]);
        Assert.True(answered, output);

        for (var i = 0; i < pods.Length; i++)
        {
            (await network.DelAsync($"ref{i}", pods[i])).AssertSucceeded();
            (await network.DelAsync($"ref{i}", pods[i])).AssertSucceeded();
            Assert.Empty(await KernelView.AddressesAsync(pods[i], "eth0"));
        }

        Assert.Equal(["lo"], await KernelView.LinksAsync(node));
        Assert.DoesNotContain(await KernelView.RoutesAsync(node), r => r.StartsWith("10.77.", StringComparison.Ordinal));
    }

    /// <summary>ptp with host-local IPAM (its state in the test's directory), chained with portmap.</summary>
    public static string ReferenceConflist(string directory) => $$"""
        {
          "cniVersion": "1.0.0",
          "name": "reference",
          "plugins": [
            { "type": "ptp", "ipMasq": false, "mtu": 9001,
              "ipam": { "type": "host-local", "subnet": "10.77.0.0/24", "dataDir": "{{directory}}/host-local" } },
            { "type": "portmap", "capabilities": { "portMappings": true } }
          ]
        }
        """;

    public static Dictionary<string, string> ReferencePlugins() => new(StringComparer.Ordinal)
    {
        ["ptp"] = Path.Combine(RuntimeTools.ReferencePlugins, "ptp"),
        ["host-local"] = Path.Combine(RuntimeTools.ReferencePlugins, "host-local"),
        ["portmap"] = Path.Combine(RuntimeTools.ReferencePlugins, "portmap"),
    };
}
