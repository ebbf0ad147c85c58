using System.Net;
using System.Text.Json.Nodes;
using k8s.Autorest;
using VpcCni.Engine.Kubernetes;
using VpcCni.Simulator.Kubernetes;

namespace VpcCni.Engine.Tests.Kubernetes;

/// <summary>The connection's writes against the loopback API server: merge patch, create, and the errors they answer.</summary>
public sealed class KubernetesApiConnectionTests : IAsyncLifetime
{
    private KubernetesApiServer _server = null!;
    private KubernetesApiConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _server = await KubernetesApiServer.StartAsync(null, CancellationToken.None);
        _server.LoadYaml("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web-1, namespace: default, annotations: {keep: "yes"}}
            spec: {nodeName: node-a}
            """);
        _connection = new KubernetesApiConnection(new k8s.KubernetesClientConfiguration { Host = _server.Endpoint.ToString() });
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task AMergePatchAddsAndRemovesAnnotationsAndKeepsTheOthers()
    {
        const string uri = "api/v1/namespaces/default/pods/web-1";
        var added = await _connection.MergePatchAsync(uri, Annotation("10.0.0.5"), CancellationToken.None);
        Assert.Equal(("10.0.0.5", "yes"), ((string?)added["metadata"]!["annotations"]!["vpc.amazonaws.com/pod-ips"], (string?)added["metadata"]!["annotations"]!["keep"]));

        await _connection.MergePatchAsync(uri, Annotation(null), CancellationToken.None);
        var stored = await _connection.GetObjectAsync(uri, CancellationToken.None);
        var annotations = stored["metadata"]!["annotations"]!.AsObject();
        Assert.False(annotations.ContainsKey("vpc.amazonaws.com/pod-ips"));
        Assert.Equal("yes", (string?)annotations["keep"]);
    }

    [Fact]
    public async Task PatchingAnObjectThatIsGoneAnswersNotFound()
    {
        var ex = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _connection.MergePatchAsync("api/v1/namespaces/default/pods/gone", Annotation("10.0.0.5"), CancellationToken.None));
        Assert.True(KubernetesApiConnection.HasStatus(ex, HttpStatusCode.NotFound));
        Assert.StartsWith("PATCH ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACreateStoresTheObjectAndASecondCreateOfTheSameNameConflicts()
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = "aws-node.1", ["namespace"] = "kube-system" },
            ["reason"] = "MissingIAMPermissions",
        };
        var created = await _connection.CreateAsync("api/v1/namespaces/kube-system/events", body, CancellationToken.None);
        Assert.Equal("MissingIAMPermissions", (string?)created["reason"]);
        Assert.False(string.IsNullOrEmpty((string?)created["metadata"]!["resourceVersion"]));

        var ex = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _connection.CreateAsync("api/v1/namespaces/kube-system/events", body.DeepClone().AsObject(), CancellationToken.None));
        Assert.True(KubernetesApiConnection.HasStatus(ex, HttpStatusCode.Conflict));
    }

    private static JsonObject Annotation(string? value) =>
        new() { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["vpc.amazonaws.com/pod-ips"] = value } } };
}
