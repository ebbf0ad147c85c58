using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Kubernetes;
using VpcCni.Simulator.Kubernetes;

namespace VpcCni.Engine.Tests.Kubernetes;

/// <summary>The writer's pod annotation and Event against the loopback API server, and the cordon taint read from a Node.</summary>
public sealed class KubernetesClusterWriterTests : IAsyncLifetime
{
    private KubernetesApiServer _server = null!;
    private KubernetesApiConnection _connection = null!;
    private KubernetesClusterWriter _writer = null!;

    public async Task InitializeAsync()
    {
        _server = await KubernetesApiServer.StartAsync(null, CancellationToken.None);
        _server.LoadYaml("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web-1, namespace: default}
            spec: {nodeName: node-a}
            """);
        _connection = new KubernetesApiConnection(new k8s.KubernetesClientConfiguration { Host = _server.Endpoint.ToString() });
        _writer = new KubernetesClusterWriter(_connection, NullLogger<KubernetesClusterWriter>.Instance);
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task APodAnnotationIsSetThenRemovedAndAGonePodAnswersFalse()
    {
        Assert.True(await _writer.PatchPodAnnotationAsync("default", "web-1", KubernetesClusterWriter.PodIpsAnnotation, "10.0.0.5", CancellationToken.None));
        Assert.Equal("10.0.0.5", (string?)Pod()["metadata"]!["annotations"]![KubernetesClusterWriter.PodIpsAnnotation]);

        Assert.True(await _writer.PatchPodAnnotationAsync("default", "web-1", KubernetesClusterWriter.PodIpsAnnotation, null, CancellationToken.None));
        Assert.Null(Pod()["metadata"]!["annotations"]?[KubernetesClusterWriter.PodIpsAnnotation]);

        Assert.False(await _writer.PatchPodAnnotationAsync("default", "gone", KubernetesClusterWriter.PodIpsAnnotation, "10.0.0.6", CancellationToken.None));
    }

    [Fact]
    public async Task AnEventIsStoredInItsObjectsNamespaceWithClientGosNameAndFields()
    {
        var at = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var record = new KubernetesEventRecord("Pod", "kube-system", "aws-node-abcde", "uid-1", "Warning", "MissingIAMPermissions", "denied", "aws-node", "node-a", 3, at.AddMinutes(-1), at);

        await _writer.CreateEventAsync(record, CancellationToken.None);

        var stored = Assert.Single(_server.Store.List(KubeWatchFilter.All(KubeResourceCatalog.Events, "kube-system")).Items);
        Assert.Equal($"aws-node-abcde.{(at.ToUnixTimeMilliseconds() * 1_000_000):x}", (string?)stored["metadata"]!["name"]);
        Assert.Equal(("Pod", "aws-node-abcde", "kube-system", "uid-1"), (
            (string?)stored["involvedObject"]!["kind"], (string?)stored["involvedObject"]!["name"],
            (string?)stored["involvedObject"]!["namespace"], (string?)stored["involvedObject"]!["uid"]));
        Assert.Equal((3, "2026-11-30T08:59:00Z", "2026-11-30T09:00:00Z"), ((int?)stored["count"], (string?)stored["firstTimestamp"], (string?)stored["lastTimestamp"]));
    }

    [Theory]
    [InlineData("node.kubernetes.io/unschedulable=:NoSchedule", true)]
    [InlineData("node.kubernetes.io/unschedulable=anything:NoSchedule", true)]
    [InlineData("node.kubernetes.io/unschedulable=:PreferNoSchedule", false)]
    [InlineData("dedicated=gpu:NoSchedule", false)]
    public void OnlyTheCordonTaintWithNoScheduleMakesANodeUnschedulable(string taint, bool unschedulable)
    {
        var node = new KubernetesNodeInfo("node-a", new Dictionary<string, string>(), new Dictionary<string, string>(), [taint], null);

        Assert.Equal(unschedulable, KubernetesNodeTaints.IsUnschedulable(node));
    }

    private System.Text.Json.Nodes.JsonObject Pod() => _server.Store.Get(KubeResourceCatalog.Pods, "default", "web-1");
}
