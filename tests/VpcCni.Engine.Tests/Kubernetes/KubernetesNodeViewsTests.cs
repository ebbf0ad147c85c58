using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Kubernetes;
using VpcCni.Simulator.Kubernetes;

namespace VpcCni.Engine.Tests.Kubernetes;

/// <summary>The node's views against the loopback API server: list, watch, outage, 410 and recovery.</summary>
public sealed class KubernetesNodeViewsTests : IAsyncLifetime
{
    private const string Cluster = """
        apiVersion: v1
        kind: Node
        metadata:
          name: node-a
          labels: {topology.kubernetes.io/zone: us-west-2a}
          annotations: {k8s.amazonaws.com/eniConfig: pods-a}
        spec:
          taints: [{key: dedicated, value: cni, effect: NoSchedule}]
        status:
          capacity: {pods: "29"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: amazon-vpc-cni, namespace: kube-system}
        data: {warm-ip-target: "5"}
        ---
        apiVersion: crd.k8s.amazonaws.com/v1alpha1
        kind: ENIConfig
        metadata: {name: pods-a}
        spec: {subnet: subnet-0aaa, securityGroups: [sg-0111]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web-1, namespace: default, annotations: {vpc.amazonaws.com/pod-eni: "[]"}}
        spec: {nodeName: node-a}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web-2, namespace: default}
        spec: {nodeName: node-b}
        """;

    private KubernetesApiServer _server = null!;
    private KubernetesApiConnection _connection = null!;
    private KubernetesNodeViews _views = null!;

    public async Task InitializeAsync()
    {
        _server = await KubernetesApiServer.StartAsync(null, CancellationToken.None);
        _server.LoadYaml(Cluster);
        _connection = new KubernetesApiConnection(new k8s.KubernetesClientConfiguration { Host = _server.Endpoint.ToString() });
        _views = new KubernetesNodeViews(_connection, new KubernetesViewOptions
        {
            NodeName = "node-a",
            MinimumBackoff = TimeSpan.FromMilliseconds(20),
            MaximumBackoff = TimeSpan.FromMilliseconds(100),
        }, TimeProvider.System, NullLoggerFactory.Instance);
    }

    public async Task DisposeAsync()
    {
        await _views.DisposeAsync();
        _connection.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task TheViewsReadThisNodesObjectTheConfigMapTheEniConfigsAndOnlyThePodsScheduledHere()
    {
        _views.Start();
        await _views.WaitForSyncAsync(Timeout());

        var node = Assert.IsType<KubernetesNodeInfo>(_views.NodeInfo);
        Assert.Equal(("us-west-2a", "pods-a", 29), (node.Labels["topology.kubernetes.io/zone"], node.Annotations["k8s.amazonaws.com/eniConfig"], node.PodCapacity));
        Assert.Equal(["dedicated=cni:NoSchedule"], node.Taints);
        Assert.Equal("5", _views.ConfigMapData!["warm-ip-target"]);
        Assert.Equal(("pods-a", "subnet-0aaa", "sg-0111"), (_views.EniConfigList[0].Name, _views.EniConfigList[0].Subnet, _views.EniConfigList[0].SecurityGroups[0]));
        var pod = Assert.Single(_views.PodList);
        Assert.Equal(("web-1", "[]"), (pod.Name, pod.Annotations["vpc.amazonaws.com/pod-eni"]));
        Assert.True(_views.State.Reachable);
    }

    [Fact]
    public async Task AConfigMapEditArrivesThroughTheWatchAndRaisesChanged()
    {
        _views.Start();
        await _views.WaitForSyncAsync(Timeout());
        var changed = new TaskCompletionSource();
        _views.ConfigMap.Changed += (_, _) => changed.TrySetResult();

        _server.LoadYaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: amazon-vpc-cni, namespace: kube-system}\ndata: {warm-ip-target: \"9\"}\n");

        await changed.Task.WaitAsync(Timeout());
        Assert.Equal("9", _views.ConfigMapData!["warm-ip-target"]);
    }

    [Fact]
    public async Task DuringAnOutageTheLastStateServesAndAfterItTheWatchResumesWithTheChangesMadeMeanwhile()
    {
        _views.Start();
        await _views.WaitForSyncAsync(Timeout());

        _server.SetReachable(false);
        await EventuallyAsync(() => !_views.State.Reachable);
        _server.LoadYaml("apiVersion: crd.k8s.amazonaws.com/v1alpha1\nkind: ENIConfig\nmetadata: {name: pods-b}\nspec: {subnet: subnet-0bbb}\n");
        Assert.Equal(["pods-a"], _views.EniConfigList.Select(c => c.Name));
        Assert.NotNull(_views.State.UnreachableSince);
        Assert.NotNull(_views.State.LastError);

        _server.SetReachable(true);
        await EventuallyAsync(() => _views.State.Reachable && _views.EniConfigList.Count == 2);
        Assert.Null(_views.State.UnreachableSince);
    }

    [Fact]
    public async Task AWatchWhoseResourceVersionWasCompactedAwayListsAgainAndDropsWhatWasDeleted()
    {
        _views.Start();
        await _views.WaitForSyncAsync(Timeout());

        _server.SetReachable(false);
        await EventuallyAsync(() => !_views.State.Reachable);
        _server.Store.Delete(KubeResourceCatalog.EniConfigs, null, "pods-a");
        _server.CompactHistory();
        _server.SetReachable(true);

        await EventuallyAsync(() => _views.State.Reachable && _views.EniConfigList.Count == 0);
        Assert.Single(_views.PodList);
    }

    [Fact]
    public async Task BeforeTheFirstListTheEniConfigSourceRefusesWithNotSynced()
    {
        _server.SetReachable(false);
        _views.Start();
        var source = new KubernetesEniConfigSource(_views);

        var refused = await Assert.ThrowsAsync<VpcCniException>(() => source.GetNodeAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.Kubernetes.NotSynced, refused.ErrorId);
    }

    [Fact]
    public void AKubeconfigThatDoesNotExistIsAClearConfigurationError()
    {
        var refused = Assert.Throws<VpcCniException>(() => KubernetesClientFactory.Resolve("/nonexistent/kubeconfig"));

        Assert.Equal(ErrorIds.Kubernetes.InvalidKubeconfig, refused.ErrorId);
        Assert.Contains("/nonexistent/kubeconfig", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ViewsWithoutANodeNameAreRefused()
    {
        var refused = Assert.Throws<VpcCniException>(() => new KubernetesNodeViews(
            _connection, new KubernetesViewOptions(), TimeProvider.System, NullLoggerFactory.Instance));

        Assert.Equal(ErrorIds.Kubernetes.NoNodeName, refused.ErrorId);
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
