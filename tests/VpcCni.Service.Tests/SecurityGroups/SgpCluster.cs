using System.Text.Json.Nodes;
using VpcCni.Engine.SecurityGroups;
using VpcCni.Service.Tests.Kubernetes;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Simulator.Kubernetes;

namespace VpcCni.Service.Tests.SecurityGroups;

/// <summary>
/// A <see cref="ClusterNode"/> with <c>ENABLE_POD_ENI=true</c>, a fast reconcile (so an attached trunk is
/// adopted within a second) and, unless told otherwise, the simulated VPC resource controller over the
/// same loopback API server and EC2 world.
/// </summary>
internal sealed class SgpCluster : IAsyncDisposable
{
    /// <summary>The guide's example policy: pods labelled <c>app: my-app</c> in <c>my-namespace</c> get the pods group.</summary>
    public const string AllowRdsAccess = $"""
        apiVersion: vpcresources.k8s.aws/v1beta1
        kind: SecurityGroupPolicy
        metadata:
          name: allow-rds-access
          namespace: my-namespace
        spec:
          podSelector:
            matchLabels:
              app: my-app
          securityGroups:
            groupIds: [{SubnetScenario.PodsGroup}]
        ---

        """;

    private SgpCluster(ClusterNode node, ResourceController? controller)
    {
        Node = node;
        Controller = controller;
    }

    public ClusterNode Node { get; }

    public ResourceController? Controller { get; }

    public KubeObjectStore Store => Node.Api.Store;

    public static async Task<SgpCluster> StartAsync(string manifests = AllowRdsAccess, bool controller = true, IDictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["ENABLE_POD_ENI"] = "true",
            ["NodeReconcile:Interval"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var node = await ClusterNode.StartAsync(ClusterNode.NodeManifest("{}") + manifests, configuration);
        ResourceController? running = null;
        if (controller)
        {
            running = new ResourceController(node.Api.Store, node.Sim.World);
            await running.StartAsync(CancellationToken.None);
        }

        return new SgpCluster(node, running);
    }

    /// <summary>A pod on this node with <paramref name="labels"/> (a YAML flow mapping) and, optionally, annotations.</summary>
    public static string PodManifest(string ns, string name, string labels, string annotations = "{}") => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          namespace: {ns}
          labels: {labels}
          annotations: {annotations}
        spec:
          nodeName: {ClusterNode.NodeName}
          containers: [{"{"}name: app, image: nginx{"}"}]
        ---

        """;

    /// <summary>The pod's <c>vpc.amazonaws.com/pod-eni</c> entries, once the controller wrote them.</summary>
    public async Task<PodEni> BranchOfAsync(string ns, string name)
    {
        string? json = null;
        await NodeHarness.EventuallyAsync(() => (json = (string?)Store.Get(KubeResourceCatalog.Pods, ns, name)["metadata"]?["annotations"]?[PodEniAnnotation.Key]) is not null,
            $"{ns}/{name} has its branch ENI annotation");
        return PodEniAnnotation.Parse(json!)[0];
    }

    public string Uid(string ns, string name) => (string?)Store.Get(KubeResourceCatalog.Pods, ns, name)["metadata"]!["uid"] ?? string.Empty;

    /// <summary>This node's CNINode, or null while there is none.</summary>
    public JsonObject? CniNode() =>
        Store.List(KubeWatchFilter.All(KubeResourceCatalog.CniNodes)).Items.FirstOrDefault(n => (string?)n["metadata"]?["name"] == ClusterNode.NodeName);

    public async ValueTask DisposeAsync()
    {
        if (Controller is not null)
        {
            await Controller.DisposeAsync();
        }

        await Node.DisposeAsync();
    }
}
