using System.Net;
using System.Text.Json.Nodes;
using k8s.Autorest;
using Microsoft.Extensions.Logging;

namespace VpcCni.Engine.Kubernetes;

/// <summary>
/// The few writes the node agent makes to the cluster, over <see cref="KubernetesApiConnection"/>:
/// a pod annotation set or removed with a JSON merge patch (RFC 7386; upstream <c>pkg/ipamd/ipamd.go</c>
/// <c>AnnotatePod</c> patches the same way, with controller-runtime's <c>client.MergeFrom</c>), and a
/// core/v1 Event created. A pod that is already gone is an answer, not a failure; anything else throws
/// for the caller to log, since none of these writes may stop the node from serving pods.
/// </summary>
public sealed class KubernetesClusterWriter
{
    /// <summary>The pod annotation upstream writes with <c>ANNOTATE_POD_IP</c> (upstream <c>rpc_handler.go</c> <c>vpccniPodIPKey</c>).</summary>
    public const string PodIpsAnnotation = "vpc.amazonaws.com/pod-ips";

    private readonly KubernetesApiConnection _connection;
    private readonly ILogger _logger;

    public KubernetesClusterWriter(KubernetesApiConnection connection, ILogger<KubernetesClusterWriter> logger)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Sets the annotation <paramref name="key"/> of pod <paramref name="ns"/>/<paramref name="name"/> to
    /// <paramref name="value"/>, or removes it when <paramref name="value"/> is null.
    /// </summary>
    /// <returns>False when the pod does not exist (404).</returns>
    /// <exception cref="HttpOperationException">The server answered with another error status.</exception>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    public async Task<bool> PatchPodAnnotationAsync(string ns, string name, string key, string? value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ns);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [key] = value } } };
        try
        {
            await _connection.MergePatchAsync(
                $"api/v1/namespaces/{Uri.EscapeDataString(ns)}/pods/{Uri.EscapeDataString(name)}", patch, cancellationToken).ConfigureAwait(false);
            KubernetesWriteLog.Annotated(_logger, ns, name, key, value ?? "(removed)");
            return true;
        }
        catch (HttpOperationException ex) when (KubernetesApiConnection.HasStatus(ex, HttpStatusCode.NotFound))
        {
            KubernetesWriteLog.PodGone(_logger, ns, name, key);
            return false;
        }
    }

    /// <summary>Creates <paramref name="record"/> in its object's namespace.</summary>
    /// <exception cref="HttpOperationException">The server answered with an error status (409 if an Event of that name exists).</exception>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    public async Task CreateEventAsync(KubernetesEventRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _connection.CreateAsync(record.CollectionUri, record.ToJson(), cancellationToken).ConfigureAwait(false);
        KubernetesWriteLog.EventCreated(_logger, record.Type, record.Reason, record.InvolvedKind, record.InvolvedNamespace, record.InvolvedName, record.Count);
    }
}
