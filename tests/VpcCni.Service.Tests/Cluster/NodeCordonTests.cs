using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VpcCni.Engine.Introspection;
using VpcCni.Service.Cluster;
using VpcCni.Service.Kubernetes;
using VpcCni.Service.Tests.Kubernetes;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Kubernetes;

namespace VpcCni.Service.Tests.Cluster;

/// <summary>
/// A cordoned node (the taint <c>node.kubernetes.io/unschedulable:NoSchedule</c> on its Node, set here
/// with a merge patch on the loopback API server) keeps its pool as it is unless
/// <c>AWS_MANAGE_ENIS_NON_SCHEDULABLE</c> is true, and grows again as soon as it is uncordoned.
/// </summary>
public sealed class NodeCordonTests
{
    [Fact]
    public async Task ACordonedNodeServesItsFreeAddressesButDoesNotGrowUntilItIsUncordonedAndThenGrowsAtOnce()
    {
        // A tick a minute apart: the growth after the uncordon can only come from the watch event.
        await using var node = await ClusterNode.StartAsync(ClusterNode.NodeManifest("{}"), new Dictionary<string, string?>
        {
            ["WARM_IP_TARGET"] = "2",
            ["NodeLoop:Interval"] = "00:01:00",
        });
        await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni.Sum() == 2, "two warm addresses");
        var schedulability = node.Node.App.Services.GetRequiredService<NodeSchedulability>();
        Assert.True(schedulability.IsSchedulable);

        SetCordon(node.Api, cordoned: true);
        await NodeHarness.EventuallyAsync(() => !schedulability.IsSchedulable, "the cordon seen");
        var assignsBefore = NodeHarness.Requests(node.Sim, "AssignPrivateIpAddresses");
        var first = await node.Node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));
        var second = await node.Node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c2"));
        await NodeHarness.TicksAsync(10);

        Assert.True(first.Success && second.Success);
        Assert.Equal(2, node.Node.CidrsPerEni.Sum());
        Assert.Equal(assignsBefore, NodeHarness.Requests(node.Sim, "AssignPrivateIpAddresses"));

        SetCordon(node.Api, cordoned: false);
        await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni.Sum() == 4, "two assigned and two warm addresses after the uncordon");
        Assert.True(schedulability.IsSchedulable);
    }

    [Fact]
    public async Task WithManageEnisNonSchedulableACordonedNodeStillGrows()
    {
        await using var node = await ClusterNode.StartAsync(ClusterNode.NodeManifest("{}"), new Dictionary<string, string?>
        {
            ["WARM_IP_TARGET"] = "2",
            ["AWS_MANAGE_ENIS_NON_SCHEDULABLE"] = "true",
        });
        await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni.Sum() == 2, "two warm addresses");
        var schedulability = node.Node.App.Services.GetRequiredService<NodeSchedulability>();

        SetCordon(node.Api, cordoned: true);
        await NodeHarness.EventuallyAsync(() => !schedulability.IsSchedulable, "the cordon seen");
        Assert.True((await node.Node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"))).Success);
        Assert.True((await node.Node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c2"))).Success);

        await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni.Sum() == 4, "two assigned and two warm addresses while cordoned");
    }

    [Fact]
    public async Task IntrospectionAndTheWarmPoolForecastShowACordonedNodeAndWhyItDoesNotGrow()
    {
        var ports = HttpListeners.Allocate();
        await using var node = await ClusterNode.StartAsync(ClusterNode.NodeManifest("{}"), ports.Settings(new Dictionary<string, string?> { ["WARM_IP_TARGET"] = "2" }));
        await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni.Sum() == 2, "two warm addresses");
        SetCordon(node.Api, cordoned: true);
        var schedulability = node.Node.App.Services.GetRequiredService<NodeSchedulability>();
        await NodeHarness.EventuallyAsync(() => !schedulability.IsSchedulable, "the cordon seen");
        await ServiceHarness.AddWhenReadyAsync(node.Node.Cni, "c1");
        using var client = new IntrospectionClient(ports.Introspection("/").ToString());

        var pool = Assert.Single(await client.GetWarmPoolAsync(
            new WarmPoolForecastRequest { MetricsEndpoint = ports.Metrics.GetLeftPart(UriPartial.Authority) }, CancellationToken.None));

        Assert.False(pool.NodeSchedulable);
        Assert.Empty(pool.Plan.Actions);
        Assert.Contains(pool.Plan.Notes, n => n.Contains("the node is unschedulable and AWS_MANAGE_ENIS_NON_SCHEDULABLE is off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATaintOtherThanTheCordonLeavesTheNodeSchedulable()
    {
        await using var node = await ClusterNode.StartAsync(ClusterNode.NodeManifest("{}"), new Dictionary<string, string?> { ["WARM_IP_TARGET"] = "1" });
        var schedulability = node.Node.App.Services.GetRequiredService<NodeSchedulability>();

        // kubectl taint nodes <node> dedicated=gpu:NoSchedule, and the cordon key with another effect.
        node.Api.Store.Patch(KubeResourceCatalog.Nodes, null, ClusterNode.NodeName, Taints(
            new JsonObject { ["key"] = "dedicated", ["value"] = "gpu", ["effect"] = "NoSchedule" },
            new JsonObject { ["key"] = "node.kubernetes.io/unschedulable", ["effect"] = "PreferNoSchedule" }), KubePatch.MergePatch);
        await NodeHarness.EventuallyAsync(() => node.Node.App.Services.GetRequiredService<NodeKubernetes>().Views?.NodeInfo?.Taints.Count == 2, "the taints seen");

        Assert.True(schedulability.IsSchedulable);
    }

    /// <summary><c>kubectl cordon</c> as the API server ends up storing it: <c>spec.unschedulable</c> and the taint.</summary>
    internal static void SetCordon(KubernetesApiServer api, bool cordoned)
    {
        var patch = cordoned
            ? Taints(new JsonObject { ["key"] = "node.kubernetes.io/unschedulable", ["effect"] = "NoSchedule", ["timeAdded"] = "2026-11-30T09:00:00Z" })
            : new JsonObject { ["spec"] = new JsonObject { ["taints"] = null, ["unschedulable"] = null } };
        if (cordoned)
        {
            patch["spec"]!["unschedulable"] = true;
        }

        api.Store.Patch(KubeResourceCatalog.Nodes, null, ClusterNode.NodeName, patch, KubePatch.MergePatch);
    }

    private static JsonObject Taints(params JsonObject[] taints) => new() { ["spec"] = new JsonObject { ["taints"] = new JsonArray(taints) } };
}
