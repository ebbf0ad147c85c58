using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VpcCni.Service.Kubernetes;
using VpcCni.Service.Tests.Kubernetes;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Kubernetes;

namespace VpcCni.Service.Tests.Cluster;

/// <summary>
/// <c>ANNOTATE_POD_IP</c>: the pod's <c>vpc.amazonaws.com/pod-ips</c> annotation on the loopback API
/// server follows AddNetwork and DelNetwork, is off by default, and never fails a call.
/// </summary>
public sealed class PodIpAnnotationTests
{
    private const string Annotation = "vpc.amazonaws.com/pod-ips";

    [Fact]
    public async Task TheAnnotationHoldsThePodsAddressAfterAddNetworkAndIsGoneAfterDelNetwork()
    {
        await using var node = await StartAsync(annotate: true);

        var reply = await ServiceHarness.AddWhenReadyAsync(node.Node.Cni, "c1");
        var address = Assert.Single(reply.IPAllocationMetadata).IPv4Addr;
        await NodeHarness.EventuallyAsync(() => PodAnnotation(node.Api, "pod-c1") == address, "the annotation written");

        Assert.True((await node.Node.Cni.DelNetworkAsync(ServiceHarness.DelRequest("c1"))).Success);
        await NodeHarness.EventuallyAsync(() => PodAnnotation(node.Api, "pod-c1") is null, "the annotation removed");
        Assert.Equal("keep", (string?)Pod(node.Api, "pod-c1")["metadata"]!["annotations"]!["other"]);
    }

    [Fact]
    public async Task DelNetworkLeavesAnAnnotationThatNamesAnotherAddress()
    {
        await using var node = await StartAsync(annotate: true);
        var reply = await ServiceHarness.AddWhenReadyAsync(node.Node.Cni, "c1");
        var address = Assert.Single(reply.IPAllocationMetadata).IPv4Addr;
        await NodeHarness.EventuallyAsync(() => PodAnnotation(node.Api, "pod-c1") == address, "the annotation written");

        // A newer sandbox of the same pod got another address meanwhile.
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [Annotation] = "10.9.9.9" } } };
        node.Api.Store.Patch(KubeResourceCatalog.Pods, "default", "pod-c1", patch, KubePatch.MergePatch);
        var views = node.Node.App.Services.GetRequiredService<NodeKubernetes>().Views!;
        await NodeHarness.EventuallyAsync(
            () => views.PodList.Any(p => p.Name == "pod-c1" && p.Annotations.GetValueOrDefault(Annotation) == "10.9.9.9"), "the newer address seen");
        Assert.True((await node.Node.Cni.DelNetworkAsync(ServiceHarness.DelRequest("c1"))).Success);
        await NodeHarness.TicksAsync(5);

        Assert.Equal("10.9.9.9", PodAnnotation(node.Api, "pod-c1"));
    }

    [Fact]
    public async Task WithoutAnnotatePodIpNothingIsWritten()
    {
        await using var node = await StartAsync(annotate: false);
        var before = (string?)Pod(node.Api, "pod-c1")["metadata"]!["resourceVersion"];

        await ServiceHarness.AddWhenReadyAsync(node.Node.Cni, "c1");
        await NodeHarness.TicksAsync(5);

        Assert.Null(PodAnnotation(node.Api, "pod-c1"));
        Assert.Equal(before, (string?)Pod(node.Api, "pod-c1")["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task AnUnreachableApiServerNeitherFailsNorStallsAddAndDel()
    {
        await using var node = await StartAsync(annotate: true);
        await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni.Sum() >= 2, "warm addresses");
        node.Api.SetReachable(false);

        var clock = Stopwatch.StartNew();
        var add = await node.Node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));
        var del = await node.Node.Cni.DelNetworkAsync(ServiceHarness.DelRequest("c1"));

        Assert.True(add.Success && del.Success);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"ADD and DEL took {clock.Elapsed}");
    }

    [Fact]
    public async Task AddNetworkForAPodTheApiServerDoesNotHaveSucceeds()
    {
        await using var node = await StartAsync(annotate: true);

        var reply = await ServiceHarness.AddWhenReadyAsync(node.Node.Cni, "gone");

        Assert.True(reply.Success);
        Assert.Throws<KubeApiException>(() => Pod(node.Api, "pod-gone"));
    }

    private static Task<ClusterNode> StartAsync(bool annotate)
    {
        var pod = ClusterPods.Manifest("default", "pod-c1", "{other: keep}");
        var settings = new Dictionary<string, string?> { ["WARM_IP_TARGET"] = "2" };
        if (annotate)
        {
            settings["ANNOTATE_POD_IP"] = "true";
        }

        return ClusterNode.StartAsync(ClusterNode.NodeManifest("{}") + pod, settings);
    }

    private static JsonObject Pod(KubernetesApiServer api, string name) => api.Store.Get(KubeResourceCatalog.Pods, "default", name);

    private static string? PodAnnotation(KubernetesApiServer api, string name) => (string?)Pod(api, name)["metadata"]?["annotations"]?[Annotation];
}
