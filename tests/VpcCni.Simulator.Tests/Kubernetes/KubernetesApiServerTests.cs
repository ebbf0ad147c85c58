using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using VpcCni.Simulator.Kubernetes;

namespace VpcCni.Simulator.Tests.Kubernetes;

/// <summary>The loopback API server, spoken to by KubernetesClient itself (the client the node agent uses).</summary>
public sealed class KubernetesApiServerTests : IAsyncLifetime
{
    private const string GuideConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: amazon-vpc-cni
          namespace: kube-system
        data:
          warm-ip-target: "5"
          minimum-ip-target: "10"
          enable-prefix-delegation: "false"
          eni-config-label-def: failure-domain.beta.kubernetes.io/zone
        """;

    private KubernetesApiServer _server = null!;
    private k8s.Kubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _server = await KubernetesApiServer.StartAsync(null, CancellationToken.None);
        _client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = _server.Endpoint.ToString() });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task AConfigMapLoadedFromTheGuidesYamlReadsBackThroughTheClient()
    {
        _server.LoadYaml(GuideConfigMap);

        var map = await _client.CoreV1.ReadNamespacedConfigMapAsync("amazon-vpc-cni", "kube-system");

        Assert.Equal("5", map.Data["warm-ip-target"]);
        Assert.Equal("failure-domain.beta.kubernetes.io/zone", map.Data["eni-config-label-def"]);
        Assert.False(string.IsNullOrEmpty(map.Metadata.ResourceVersion));
        Assert.False(string.IsNullOrEmpty(map.Metadata.Uid));
    }

    [Fact]
    public async Task AMissingObjectIsA404StatusAndADuplicateCreateA409()
    {
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReadNodeAsync("ip-10-0-0-1"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        Assert.Contains("\"reason\":\"NotFound\"", missing.Response.Content, StringComparison.Ordinal);

        var node = new V1Node { Metadata = new V1ObjectMeta { Name = "ip-10-0-0-1" } };
        await _client.CoreV1.CreateNodeAsync(node);
        var duplicate = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNodeAsync(node));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Response.StatusCode);
    }

    [Fact]
    public async Task ListFiltersPodsByNodeNameFieldAndNodesByLabel()
    {
        _server.LoadYaml("""
            apiVersion: v1
            kind: Node
            metadata: {name: node-a, labels: {topology.kubernetes.io/zone: us-west-2a}}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: node-b, labels: {topology.kubernetes.io/zone: us-west-2b}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web-1, namespace: default}
            spec: {nodeName: node-a, containers: [{name: web, image: nginx}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web-2, namespace: default}
            spec: {nodeName: node-b, containers: [{name: web, image: nginx}]}
            """);

        var pods = await _client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: "spec.nodeName=node-a");
        var nodes = await _client.CoreV1.ListNodeAsync(labelSelector: "topology.kubernetes.io/zone in (us-west-2b,us-west-2c)");

        Assert.Equal(["web-1"], pods.Items.Select(p => p.Metadata.Name));
        Assert.Equal(["node-b"], nodes.Items.Select(n => n.Metadata.Name));
    }

    [Fact]
    public async Task MergeAndJsonPatchesChangeTheObjectAndRaiseItsResourceVersion()
    {
        var before = _server.LoadYaml(GuideConfigMap)[0]["metadata"]!["resourceVersion"]!.GetValue<string>();

        var merged = await _client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data":{"warm-ip-target":"2","minimum-ip-target":null}}""", V1Patch.PatchType.MergePatch), "amazon-vpc-cni", "kube-system");
        var patched = await _client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""[{"op":"add","path":"/data/warm-prefix-target","value":"1"}]""", V1Patch.PatchType.JsonPatch), "amazon-vpc-cni", "kube-system");

        Assert.Equal("2", merged.Data["warm-ip-target"]);
        Assert.False(merged.Data.ContainsKey("minimum-ip-target"));
        Assert.Equal("1", patched.Data["warm-prefix-target"]);
        Assert.True(long.Parse(patched.Metadata.ResourceVersion) > long.Parse(merged.Metadata.ResourceVersion));
        Assert.True(long.Parse(merged.Metadata.ResourceVersion) > long.Parse(before));
    }

    [Fact]
    public async Task AnUpdateCarryingAStaleResourceVersionIsAConflict()
    {
        _server.LoadYaml(GuideConfigMap);
        var map = await _client.CoreV1.ReadNamespacedConfigMapAsync("amazon-vpc-cni", "kube-system");
        map.Data["warm-ip-target"] = "3";
        await _client.CoreV1.ReplaceNamespacedConfigMapAsync(map, "amazon-vpc-cni", "kube-system");

        map.Data["warm-ip-target"] = "4";
        var stale = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReplaceNamespacedConfigMapAsync(map, "amazon-vpc-cni", "kube-system"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
    }

    [Fact]
    public async Task ClusterScopedEniConfigsListThroughTheCustomObjectsApi()
    {
        _server.LoadYaml("""
            apiVersion: crd.k8s.amazonaws.com/v1alpha1
            kind: ENIConfig
            metadata: {name: us-west-2a}
            spec: {subnet: subnet-0aaa, securityGroups: [sg-0111, sg-0222]}
            """);

        var list = (JsonElement)await _client.CustomObjects.ListClusterCustomObjectAsync("crd.k8s.amazonaws.com", "v1alpha1", "eniconfigs");
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("subnet-0aaa", item.GetProperty("spec").GetProperty("subnet").GetString());
        Assert.Equal(2, item.GetProperty("spec").GetProperty("securityGroups").GetArrayLength());
        var resources = await _client.CustomObjects.GetAPIResourcesAsync("crd.k8s.amazonaws.com", "v1alpha1");
        Assert.Contains(resources.Resources, r => r.Name == "eniconfigs" && !r.Namespaced);
    }

    [Fact]
    public async Task AWatchFromAResourceVersionReplaysLaterChangesThenStreamsNewOnes()
    {
        var created = _server.LoadYaml(GuideConfigMap)[0]["metadata"]!["resourceVersion"]!.GetValue<string>();
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"warm-ip-target":"7"}}""", V1Patch.PatchType.MergePatch), "amazon-vpc-cni", "kube-system");

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var stream = await _client.HttpClient.GetStreamAsync(
            new Uri(_client.BaseUri, $"api/v1/namespaces/kube-system/configmaps?watch=1&resourceVersion={created}"), cancel.Token);
        using var reader = new StreamReader(stream);
        var replayed = JsonDocument.Parse((await reader.ReadLineAsync(cancel.Token))!).RootElement;
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("amazon-vpc-cni", "kube-system", cancellationToken: cancel.Token);
        var live = JsonDocument.Parse((await reader.ReadLineAsync(cancel.Token))!).RootElement;

        Assert.Equal("MODIFIED", replayed.GetProperty("type").GetString());
        Assert.Equal("7", replayed.GetProperty("object").GetProperty("data").GetProperty("warm-ip-target").GetString());
        Assert.Equal("DELETED", live.GetProperty("type").GetString());
    }

    [Fact]
    public async Task AWatchFromACompactedResourceVersionGetsA410ErrorEvent()
    {
        var created = _server.LoadYaml(GuideConfigMap)[0]["metadata"]!["resourceVersion"]!.GetValue<string>();
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"warm-ip-target":"7"}}""", V1Patch.PatchType.MergePatch), "amazon-vpc-cni", "kube-system");
        _server.CompactHistory();

        var text = await _client.HttpClient.GetStringAsync(new Uri(_client.BaseUri, $"api/v1/namespaces/kube-system/configmaps?watch=1&resourceVersion={created}"));
        var error = JsonDocument.Parse(text).RootElement;

        Assert.Equal("ERROR", error.GetProperty("type").GetString());
        Assert.Equal(410, error.GetProperty("object").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task AnUnreachableServerClosesConnectionsAndServesAgainWithItsObjectsWhenReachable()
    {
        _server.LoadYaml(GuideConfigMap);

        _server.SetReachable(false);
        await Assert.ThrowsAsync<HttpRequestException>(() => _client.CoreV1.ListNamespacedConfigMapAsync("kube-system"));
        _server.SetReachable(true);

        var maps = await _client.CoreV1.ListNamespacedConfigMapAsync("kube-system");
        Assert.Equal("amazon-vpc-cni", Assert.Single(maps.Items).Metadata.Name);
    }

    [Fact]
    public async Task TheWrittenKubeconfigConnectsAnUnmodifiedClient()
    {
        _server.LoadYaml("apiVersion: v1\nkind: Node\nmetadata: {name: node-a}\n");
        var path = Path.Combine(Path.GetTempPath(), $"vpccni-kubeconfig-{Guid.NewGuid():N}");
        try
        {
            _server.WriteKubeconfig(path);
            using var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path));

            var nodes = await client.CoreV1.ListNodeAsync();

            Assert.Equal("node-a", Assert.Single(nodes.Items).Metadata.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
