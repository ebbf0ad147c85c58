using System.Text.Json.Nodes;
using VpcCni.Engine.Aws;
using VpcCni.Service.Cluster;
using VpcCni.Service.Tests.Kubernetes;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Kubernetes;

namespace VpcCni.Service.Tests.Cluster;

/// <summary>
/// An EC2 action the node's role lacks (the simulator's IAM allow-list without it) becomes one Warning
/// Event <c>MissingIAMPermissions</c> on the service's own pod, naming the action, however often the pool
/// loop retries within the interval.
/// </summary>
public sealed class MissingPermissionEventTests
{
    private const string OwnPod = "aws-node-x7k2p";

    [Fact]
    public async Task ADeniedAssignPrivateIpAddressesPostsOneWarningEventOnTheServicesPodNamingTheAction()
    {
        await using var node = await StartDeniedAsync(interval: "00:10:00");
        var uid = (string?)node.Api.Store.Get(KubeResourceCatalog.Pods, "kube-system", OwnPod)["metadata"]!["uid"];

        await NodeHarness.EventuallyAsync(() => Events(node.Api).Count > 0, "an Event");
        await NodeHarness.EventuallyAsync(() => NodeHarness.Requests(node.Sim, "AssignPrivateIpAddresses") >= 5, "several denied attempts");
        await NodeHarness.TicksAsync(5);

        var warning = Assert.Single(Events(node.Api));
        Assert.Equal(("Warning", MissingPermissionEvents.Reason), ((string?)warning["type"], (string?)warning["reason"]));
        Assert.Contains("ec2:AssignPrivateIpAddresses", (string?)warning["message"], StringComparison.Ordinal);
        Assert.Contains("docs/iam.md", (string?)warning["message"], StringComparison.Ordinal);
        var involved = warning["involvedObject"]!;
        Assert.Equal(("Pod", "kube-system", OwnPod, uid), ((string?)involved["kind"], (string?)involved["namespace"], (string?)involved["name"], (string?)involved["uid"]));
        Assert.Equal(("aws-node", ClusterNode.NodeName), ((string?)warning["source"]!["component"], (string?)warning["source"]!["host"]));
        Assert.Equal(("kube-system", 1), ((string?)warning["metadata"]!["namespace"], (int?)warning["count"]));
    }

    [Fact]
    public async Task AfterTheIntervalTheNextEventCountsTheRefusalsSinceTheLastOne()
    {
        await using var node = await StartDeniedAsync(interval: "00:00:01");

        await NodeHarness.EventuallyAsync(() => Events(node.Api).Count >= 2, "a second Event after the interval");

        var second = Events(node.Api).OrderBy(e => (int?)e["count"]).Last();
        Assert.True((int?)second["count"] > 1, $"count {second["count"]}");
    }

    private static async Task<ClusterNode> StartDeniedAsync(string interval)
    {
        var pod = ClusterPods.Manifest("kube-system", OwnPod);
        var node = await ClusterNode.StartAsync(ClusterNode.NodeManifest("{}") + pod, new Dictionary<string, string?>
        {
            ["WARM_IP_TARGET"] = "2",
            ["MY_POD_NAME"] = OwnPod,
            ["MY_POD_NAMESPACE"] = "kube-system",
            ["Cluster:EventInterval"] = interval,
        });
        try
        {
            await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni.Sum() == 2, "two warm addresses");
            node.Sim.SetAllowedActions(Enum.GetNames<Ec2Action>().Where(a => a != nameof(Ec2Action.AssignPrivateIpAddresses)));

            // Two pods take the warm addresses: every tick (100 ms here) then tries the denied call again.
            await ServiceHarness.AddWhenReadyAsync(node.Node.Cni, "c1");
            await ServiceHarness.AddWhenReadyAsync(node.Node.Cni, "c2");
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    private static IReadOnlyList<JsonObject> Events(KubernetesApiServer api) =>
        [.. api.Store.List(KubeWatchFilter.All(KubeResourceCatalog.Events)).Items.Where(e => (string?)e["reason"] == MissingPermissionEvents.Reason)];
}
