using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Placement;

namespace VpcCni.Engine.Kubernetes;

/// <summary>
/// What the node agent watches in the cluster, each a <see cref="KubernetesResourceCache"/>: this
/// node's Node object, the <c>kube-system/amazon-vpc-cni</c> ConfigMap, the ENIConfigs, and the pods
/// scheduled here (field selector <c>spec.nodeName</c>), as upstream's ipamd reads them through its
/// controller-runtime cache (<c>pkg/k8sapi/k8sutils.go</c>). Readers get the last state seen and never
/// wait on the network; <see cref="State"/> says whether that state is current.
/// </summary>
public sealed class KubernetesNodeViews : IAsyncDisposable
{
    private readonly KubernetesResourceCache[] _caches;

    /// <exception cref="VpcCniException"><see cref="ErrorIds.Kubernetes.NoNodeName"/>: <see cref="KubernetesViewOptions.NodeName"/> is empty.</exception>
    public KubernetesNodeViews(KubernetesApiConnection connection, KubernetesViewOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        if (string.IsNullOrEmpty(options.NodeName))
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.Kubernetes.NoNodeName,
                "The Kubernetes views need this node's name (MY_NODE_NAME) to select its Node object and pods.");
        }

        var logger = loggers.CreateLogger<KubernetesResourceCache>();
        KubernetesResourceCache Cache(KubernetesResourceQuery query) => new(connection, query, options, time, logger);
        Node = Cache(new($"node {options.NodeName}", "api/v1/nodes", "metadata.name=" + options.NodeName));
        ConfigMap = Cache(new(
            $"configmap {options.ConfigMapNamespace}/{options.ConfigMapName}",
            $"api/v1/namespaces/{Uri.EscapeDataString(options.ConfigMapNamespace)}/configmaps",
            "metadata.name=" + options.ConfigMapName));
        EniConfigs = Cache(new("eniconfigs", "apis/crd.k8s.amazonaws.com/v1alpha1/eniconfigs"));
        Pods = Cache(new($"pods on {options.NodeName}", "api/v1/pods", "spec.nodeName=" + options.NodeName));
        _caches = [Node, ConfigMap, EniConfigs, Pods];
    }

    public KubernetesResourceCache Node { get; }

    public KubernetesResourceCache ConfigMap { get; }

    public KubernetesResourceCache EniConfigs { get; }

    public KubernetesResourceCache Pods { get; }

    /// <summary>All views together: synced when each is, reachable when each is, unreachable since the earliest outage.</summary>
    public KubernetesViewState State
    {
        get
        {
            var states = _caches.Select(c => c.State).ToArray();
            var down = states.Where(s => !s.Reachable).ToArray();
            return new KubernetesViewState(
                states.All(s => s.Synced),
                down.Length == 0,
                down.Select(s => s.UnreachableSince).Where(s => s is not null).Min(),
                down.Select(s => s.LastError).FirstOrDefault(e => e is not null),
                states.Max(s => s.ResourceVersion) ?? string.Empty);
        }
    }

    /// <summary>The Node object as last seen, or null before it was (or when it does not exist).</summary>
    public KubernetesNodeInfo? NodeInfo => Node.Items is [var node, ..] ? ToNode(node) : null;

    /// <summary>The ConfigMap's <c>data</c>, or null when there is no such ConfigMap (or it has not been read).</summary>
    public IReadOnlyDictionary<string, string>? ConfigMapData =>
        ConfigMap.Items is [var map, ..] ? KubeObjectFields.StringMap(map["data"]) : null;

    /// <summary>The ENIConfigs as last seen, by name; objects without <c>spec.subnet</c> are left out.</summary>
    public IReadOnlyList<EniConfig> EniConfigList => [.. EniConfigs.Items.Select(ToEniConfig).OfType<EniConfig>()];

    /// <summary>The pods on this node as last seen.</summary>
    public IReadOnlyList<KubernetesPodInfo> PodList => [.. Pods.Items.Select(KubernetesPodInfo.From)];

    /// <summary>Starts every list-and-watch in the background.</summary>
    public void Start()
    {
        foreach (var cache in _caches)
        {
            cache.Start();
        }
    }

    /// <summary>Completes once every view has listed once.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_caches.Select(c => c.WaitForSyncAsync(cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        foreach (var cache in _caches)
        {
            await cache.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static KubernetesNodeInfo ToNode(JsonObject node)
    {
        var taints = (node["spec"]?["taints"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(t => $"{(string?)t["key"]}={(string?)t["value"]}:{(string?)t["effect"]}")
            .ToArray();
        int? capacity = node["status"]?["capacity"]?["pods"] is JsonValue pods
            && int.TryParse(pods.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;
        return new KubernetesNodeInfo(
            KubeObjectFields.Name(node),
            KubeObjectFields.StringMap(node["metadata"]?["labels"]),
            KubeObjectFields.StringMap(node["metadata"]?["annotations"]),
            taints,
            capacity);
    }

    private static EniConfig? ToEniConfig(JsonObject obj)
    {
        var spec = obj["spec"] as JsonObject;
        if ((string?)spec?["subnet"] is not { Length: > 0 } subnet)
        {
            return null;
        }

        var groups = (spec["securityGroups"] as JsonArray ?? []).Select(g => g is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().Where(g => g.Length > 0).ToArray();
        return new EniConfig(KubeObjectFields.Name(obj), subnet, groups);
    }
}
