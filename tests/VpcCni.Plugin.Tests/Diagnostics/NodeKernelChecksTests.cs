using System.Net;
using VpcCni.Engine.Diagnostics.Checks;
using VpcCni.Engine.Ipam.Checkpoint;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Plugin.Tests.Runtime;

namespace VpcCni.Plugin.Tests.Diagnostics;

/// <summary>
/// The kernel checks of Test-VpcCniNode on a real node (the service programming a real host network
/// in a throwaway node namespace, a pod wired by the plugin): they pass as it is, and each fails once
/// the part it looks at is broken by hand.
/// </summary>
public sealed class NodeKernelChecksTests
{
    [RootFact]
    public async Task OnAHealthyNodeWithAPodEveryCheckThatReadsTheNodePasses()
    {
        await using var node = await VpcCniNode.StartAsync();
        var pod = node.Namespaces.Create("pod1");
        (await node.Network.AddAsync("c1", pod)).AssertSucceeded();

        foreach (var check in new INodeCheck[] { new ServiceHealthCheck(), new ImdsCheck(), new PodRoutingCheck(), new SnatRulesCheck(), new RpFilterCheck(), new CheckpointConsistencyCheck(), new IpExhaustionCheck(), new EniHeadroomCheck(), new MtuCheck() })
        {
            var result = await NamespacedCheckContext.RunAsync(node, check);
            Assert.True(result.Status == NodeCheckStatus.Pass, $"{result.Name}: {result.Status} {result.Detail}");
        }
    }

    [RootFact]
    public async Task APodWhoseRule512IsDeletedFailsThePodRoutesCheckNamingItsAddress()
    {
        await using var node = await VpcCniNode.StartAsync();
        var pod = node.Namespaces.Create("pod1");
        var address = IPAddress.Parse((await node.Network.AddAsync("c1", pod)).AssertSucceeded().Address());
        Assert.Equal(NodeCheckStatus.Pass, (await NamespacedCheckContext.RunAsync(node, new PodRoutingCheck())).Status);

        using (var netlink = node.Namespaces.Open(node.NodeNamespace))
        {
            netlink.DeleteRule(new RuleEntry(PodNetworkWiring.ToPodRulePriority, RouteEntry.MainTable, Destination: new IPNetwork(address, 32)));
        }

        var result = await NamespacedCheckContext.RunAsync(node, new PodRoutingCheck());
        Assert.Equal(NodeCheckStatus.Fail, result.Status);
        Assert.Contains($"{address}: no rule 512 to {address}/32 lookup main", result.Detail, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task AFlushedSnatChainFailsTheSnatCheck()
    {
        await using var node = await VpcCniNode.StartAsync();

        await ThrowawayNamespaces.RunAsync(node.NodeNamespace, "iptables", "-t", "nat", "-F", "AWS-SNAT-CHAIN-0");

        var result = await NamespacedCheckContext.RunAsync(node, new SnatRulesCheck());
        Assert.Equal(NodeCheckStatus.Fail, result.Status);
        Assert.Contains("AWS-SNAT-CHAIN-0 has no SNAT rule", result.Detail, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task StrictReversePathFilteringOnThePrimaryInterfaceFailsTheRpFilterCheck()
    {
        await using var node = await VpcCniNode.StartAsync();
        using var checks = new NamespacedCheckContext(node);
        var (_, _, mac) = await checks.Context.IdentityAsync(CancellationToken.None);
        var primary = checks.Context.InNamespace(n => n.ListLinks().Single(l => string.Equals(l.Mac?.ToString(), mac.Replace(":", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));

        await ThrowawayNamespaces.RunAsync(node.NodeNamespace, "sysctl", "-w", $"net.ipv4.conf.{primary.Name}.rp_filter=1");

        var result = await NamespacedCheckContext.RunAsync(node, new RpFilterCheck());
        Assert.Equal(NodeCheckStatus.Fail, result.Status);
        Assert.Contains($"rp_filter on {primary.Name} is 1", result.Detail, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task ACheckpointThatLostAServedPodFailsTheCheckpointCheckNamingThePod()
    {
        await using var node = await VpcCniNode.StartAsync();
        var pod = node.Namespaces.Create("pod1");
        var address = (await node.Network.AddAsync("c1", pod)).AssertSucceeded().Address();
        Assert.Equal(NodeCheckStatus.Pass, (await NamespacedCheckContext.RunAsync(node, new CheckpointConsistencyCheck())).Status);

        // The file as a node that crashed before writing the pod's allocation would have left it.
        var store = new JsonFileCheckpointStore(node.Directory.File("ipam.json"), CheckpointDurability.Atomic);
        var checkpoint = await store.ReadAsync(CancellationToken.None);
        await store.WriteAsync(checkpoint! with { Allocations = [] }, CancellationToken.None);

        var result = await NamespacedCheckContext.RunAsync(node, new CheckpointConsistencyCheck());
        Assert.Equal(NodeCheckStatus.Fail, result.Status);
        Assert.Contains($"not in the file (or another address): c1/eth0 {address}", result.Detail, StringComparison.Ordinal);
    }
}
