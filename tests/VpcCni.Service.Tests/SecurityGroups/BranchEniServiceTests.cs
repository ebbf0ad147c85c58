using System.Text.Json.Nodes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using VpcCni.Engine.Kubernetes;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Metrics;
using VpcCni.Service.Tests.Kubernetes;
using VpcCni.Service.Tests.Metrics;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Kubernetes;

namespace VpcCni.Service.Tests.SecurityGroups;

/// <summary>
/// Security groups for pods in the node service, on the simulator with the loopback API server and the
/// simulated VPC resource controller: the CNINode signal, the trunk, branch pods answered from their
/// annotation without the pool, DEL naming the VLAN, and the refusals (UID mismatch, malformed
/// annotation, no trunk yet).
/// </summary>
public sealed class BranchEniServiceTests
{
    private const string Ns = "my-namespace";

    [Fact]
    public async Task WithPodEniOnAndAFreeSlotTheNodeAsksForATrunkAndTheTrunkArrivesWithoutPodAddresses()
    {
        await using var cluster = await SgpCluster.StartAsync();

        await NodeHarness.EventuallyAsync(() => cluster.Node.Node.Datastore.Snapshot().HasTrunk, "the trunk is in the datastore");

        var features = cluster.CniNode()!["spec"]!["features"]!.AsArray();
        Assert.Contains(features, f => (string?)f!["name"] == "SecurityGroupsForPods");
        var node = cluster.Store.Get(KubeResourceCatalog.Nodes, null, ClusterNode.NodeName);
        Assert.Equal("true", (string?)node["metadata"]!["labels"]![ResourceController.HasTrunkLabel]);
        await NodeHarness.TicksAsync(5);
        var trunk = Assert.Single(cluster.Node.Node.Datastore.Snapshot().Enis, e => e.Descriptor.IsTrunk);
        Assert.Empty(trunk.Cidrs);
    }

    [Fact]
    public async Task WhenMaxEniLeavesNoSlotForATrunkTheCniNodeIsNeverAskedForOne()
    {
        await using var cluster = await SgpCluster.StartAsync(settings: new Dictionary<string, string?> { ["MAX_ENI"] = "1" });
        await NodeHarness.EventuallyAsync(() => cluster.Node.Node.CidrsPerEni.Sum() > 0, "the pool has addresses");

        await NodeHarness.TicksAsync(10);

        Assert.Null(cluster.CniNode());
        Assert.False(cluster.Node.Node.Datastore.Snapshot().HasTrunk);
    }

    [Fact]
    public async Task APodTheGuidesPolicySelectsGetsItsBranchEniWithoutThePoolAndItsDelNamesTheVlanWhileAnUnselectedPodGetsAPoolAddress()
    {
        await using var cluster = await SgpCluster.StartAsync(SgpCluster.AllowRdsAccess
            + SgpCluster.PodManifest(Ns, "web", "{app: my-app}") + SgpCluster.PodManifest(Ns, "other", "{app: other}"));
        var branch = await cluster.BranchOfAsync(Ns, "web");
        var cni = cluster.Node.Node.Cni;
        await NodeHarness.EventuallyAsync(() => cluster.Node.Node.Datastore.Snapshot().HasTrunk, "the trunk is in the datastore");
        var trunkDevice = Assert.Single(cluster.Node.Node.Datastore.Snapshot().Enis, e => e.Descriptor.IsTrunk).Descriptor.DeviceNumber;
        var assignedBefore = cluster.Node.Node.Datastore.Snapshot().Stats.AssignedIps;

        var reply = await EventuallySucceedsAsync(() => cni.AddNetworkAsync(Add("web", "c-web")).ResponseAsync);

        Assert.Equal(branch.VlanId, reply.PodVlanId);
        Assert.Equal(1, reply.PodVlanId);
        Assert.Equal(branch.Mac, System.Net.NetworkInformation.PhysicalAddress.Parse(reply.PodENIMAC.Replace(':', '-')));
        Assert.Equal(Engine.Networking.AddressMath.Nth(branch.SubnetCidr!.Value, 1).ToString(), reply.PodENISubnetGW);
        Assert.Equal(trunkDevice + 2, reply.ParentIfIndex);
        Assert.Equal(branch.PrivateIp!.ToString(), Assert.Single(reply.IPAllocationMetadata).IPv4Addr);
        Assert.Equal(assignedBefore, cluster.Node.Node.Datastore.Snapshot().Stats.AssignedIps);

        var plain = await EventuallySucceedsAsync(() => cni.AddNetworkAsync(Add("other", "c-other")).ResponseAsync);
        Assert.Equal(0, plain.PodVlanId);
        Assert.Equal(assignedBefore + 1, cluster.Node.Node.Datastore.Snapshot().Stats.AssignedIps);

        var del = await cni.DelNetworkAsync(Del("web", "c-web", cluster.Uid(Ns, "web")));
        Assert.True(del.Success);
        Assert.Equal(branch.VlanId, del.PodVlanId);
        Assert.Equal(branch.PrivateIp.ToString(), Assert.Single(del.IPAllocationMetadata).IPv4Addr);
    }

    [Fact]
    public async Task ADelNamingAnOlderPodUidOfABranchPodIsRefusedAndNamesNoVlan()
    {
        await using var cluster = await SgpCluster.StartAsync(SgpCluster.AllowRdsAccess + SgpCluster.PodManifest(Ns, "web", "{app: my-app}"));
        await cluster.BranchOfAsync(Ns, "web");

        var refused = await ServiceHarness.FailsAsync(() => cluster.Node.Node.Cni.DelNetworkAsync(Del("web", "c-old", "0b5ca1ab-0000-4000-8000-000000000000")).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("SecurityGroupPolicy.PodUidMismatch", refused.Trailers.GetValue("vpc-cni-error-id"));
    }

    [Fact]
    public async Task AMalformedPodEniAnnotationAnswersSuccessFalseAndAllocatesNothing()
    {
        await using var cluster = await SgpCluster.StartAsync(
            SgpCluster.PodManifest(Ns, "broken", "{}", """{vpc.amazonaws.com/pod-eni: '[{"eniId":"eni-1","vlanId":1}]'}"""), controller: false);
        await NodeHarness.EventuallyAsync(() => cluster.Node.Node.CidrsPerEni.Sum() > 0, "the pool has addresses");

        var reply = await cluster.Node.Node.Cni.AddNetworkAsync(Add("broken", "c-broken"));

        Assert.False(reply.Success);
        Assert.Equal(0, cluster.Node.Node.Datastore.Snapshot().Stats.AssignedIps);
    }

    [Fact]
    public async Task ABranchPodBeforeTheTrunkIsAttachedAnswersSuccessFalse()
    {
        const string annotation = """{vpc.amazonaws.com/pod-eni: '[{"eniId":"eni-0b","ifAddress":"0a:58:a9:fe:00:02","privateIp":"10.0.16.9","vlanId":3,"subnetCidr":"10.0.16.0/20"}]'}""";
        await using var cluster = await SgpCluster.StartAsync(SgpCluster.PodManifest(Ns, "early", "{}", annotation), controller: false);
        await NodeHarness.EventuallyAsync(() => cluster.CniNode() is not null, "the node asked for a trunk");

        var reply = await cluster.Node.Node.Cni.AddNetworkAsync(Add("early", "c-early"));

        Assert.False(reply.Success);
        Assert.Equal(0, cluster.Node.Node.Datastore.Snapshot().Stats.AssignedIps);
    }

    [Fact]
    public async Task ABranchPodsWaitFromItsFirstRefusalToItsAnswerIsObservedOnce()
    {
        // Asks for a branch ENI (the webhook's limit) but no policy selects it, so the controller never annotates it.
        const string waiting = $$"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: waiting
              namespace: {{Ns}}
              labels: {app: other}
            spec:
              nodeName: {{ClusterNode.NodeName}}
              containers:
              - name: app
                image: nginx
                resources:
                  limits: {vpc.amazonaws.com/pod-eni: "1"}
            """;
        await using var cluster = await SgpCluster.StartAsync(SgpCluster.AllowRdsAccess + waiting);
        await NodeHarness.EventuallyAsync(() => cluster.Node.Node.Datastore.Snapshot().HasTrunk, "the trunk is in the datastore");
        var metrics = cluster.Node.Node.App.Services.GetRequiredService<AwsCniMetrics>();

        var refused = await cluster.Node.Node.Cni.AddNetworkAsync(Add("waiting", "c-waiting"));
        Assert.False(refused.Success);
        var refusedAt = DateTime.UtcNow;
        await Task.Delay(300);
        cluster.Store.Patch(KubeResourceCatalog.Pods, Ns, "waiting", JsonNode.Parse("""
            {"metadata": {"annotations": {"vpc.amazonaws.com/pod-eni": "[{\"eniId\":\"eni-0b\",\"ifAddress\":\"0a:58:a9:fe:00:02\",\"privateIp\":\"10.0.16.9\",\"vlanId\":3,\"subnetCidr\":\"10.0.16.0/20\"}]"}}}
            """), "application/merge-patch+json");
        await EventuallySucceedsAsync(() => cluster.Node.Node.Cni.AddNetworkAsync(Add("waiting", "c-waiting")).ResponseAsync);
        var waited = DateTime.UtcNow - refusedAt;

        var samples = MetricsScrape.Samples(await ScrapeAsync(metrics));
        Assert.Equal(1, samples["awscni_pod_eni_allocation_duration_seconds_count"]);
        Assert.InRange(samples["awscni_pod_eni_allocation_duration_seconds_sum"], 0.3, waited.TotalSeconds + 1);
    }

    [Fact]
    public async Task TheControllersWebhookMarksANewPodAPolicySelectsAndLeavesOthersAlone()
    {
        await using var cluster = await SgpCluster.StartAsync();

        var selected = cluster.Store.Create(KubeResourceCatalog.Pods, Ns, Pod("{app: my-app}"));
        var other = cluster.Store.Create(KubeResourceCatalog.Pods, Ns, Pod("{app: other}"));

        var resources = selected["spec"]!["containers"]![0]!["resources"]!;
        Assert.Equal(("1", "1"), ((string?)resources["limits"]![KubernetesPodInfo.PodEniResource], (string?)resources["requests"]![KubernetesPodInfo.PodEniResource]));
        Assert.Null(other["spec"]!["containers"]![0]!["resources"]);

        static JsonObject Pod(string labels) => KubeManifestYaml.Read(SgpCluster.PodManifest(Ns, "p" + Guid.NewGuid().ToString("N")[..6], labels)).Single();
    }

    private static async Task<string> ScrapeAsync(AwsCniMetrics metrics)
    {
        using var text = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(text);
        return System.Text.Encoding.UTF8.GetString(text.ToArray());
    }

    private static AddNetworkRequest Add(string pod, string containerId)
    {
        var request = ServiceHarness.AddRequest(containerId);
        (request.K8SPODNAMESPACE, request.K8SPODNAME) = (Ns, pod);
        return request;
    }

    private static DelNetworkRequest Del(string pod, string containerId, string uid)
    {
        var request = ServiceHarness.DelRequest(containerId);
        (request.K8SPODNAMESPACE, request.K8SPODNAME, request.K8SPODUID) = (Ns, pod, uid);
        return request;
    }

    /// <summary>The first successful reply: the trunk's host link is recorded a tick after the trunk is adopted.</summary>
    private static async Task<AddNetworkReply> EventuallySucceedsAsync(Func<Task<AddNetworkReply>> call)
    {
        AddNetworkReply? reply = null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((reply = await call()) is { Success: false })
        {
            Assert.True(DateTime.UtcNow < deadline, "AddNetwork never succeeded");
            await Task.Delay(50);
        }

        return reply;
    }
}
