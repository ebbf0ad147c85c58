using System.Net;
using System.Text.Json;
using k8s.Autorest;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Kubernetes;
using VpcCni.Engine.SecurityGroups;
using VpcCni.Service.Kubernetes;

namespace VpcCni.Service.SecurityGroups;

/// <summary>
/// A pod of this node by namespace and name: from the pod view, and from the API server when the view
/// has not seen it yet or has it without the branch annotation although the pod requests a branch ENI
/// (the annotation is written moments before the kubelet runs the pod; upstream
/// <c>pkg/ipamd/rpc_handler.go</c> reads the pod from the API server for the same reason). The GET is
/// bounded by the call's deadline.
/// </summary>
internal sealed class BranchPodLookup(NodeKubernetes kubernetes, TimeProvider time, ILogger<BranchPodLookup> logger)
{
    /// <summary>Whether the API server is used at all; without it there are no branch pods.</summary>
    public bool Available => kubernetes.Views is not null;

    /// <summary>The pod, or null with why in <see cref="PodLookup.Missing"/>.</summary>
    public async Task<PodLookup> FindAsync(string podNamespace, string podName, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var views = kubernetes.Views;
        if (views is null || podNamespace.Length == 0 || podName.Length == 0)
        {
            return new PodLookup(null, "the request names no pod or the Kubernetes API is not used");
        }

        var seen = views.PodList.FirstOrDefault(p => p.Namespace == podNamespace && p.Name == podName);
        string why;
        if (seen is null)
        {
            why = "has not seen it yet";
        }
        else if (seen.RequestsPodEni && !seen.Annotations.ContainsKey(PodEniAnnotation.Key))
        {
            why = "has it without its branch ENI annotation";
        }
        else
        {
            return new PodLookup(seen, null);
        }

        try
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (deadline != DateTimeOffset.MaxValue)
            {
                bounded.CancelAfter(TimeSpan.FromTicks(Math.Max(1, (deadline - time.GetUtcNow()).Ticks)));
            }

            var pod = await kubernetes.Connection!.GetObjectAsync(
                $"api/v1/namespaces/{Uri.EscapeDataString(podNamespace)}/pods/{Uri.EscapeDataString(podName)}", bounded.Token).ConfigureAwait(false);
            PodEniLog.PodFetched(logger, podNamespace, podName, why);
            return new PodLookup(KubernetesPodInfo.From(pod), null);
        }
        catch (HttpOperationException e) when (KubernetesApiConnection.HasStatus(e, HttpStatusCode.NotFound))
        {
            return new PodLookup(null, "the API server has no such pod");
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or JsonException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var error = e is OperationCanceledException ? "no answer before the call's deadline" : e.Message;
            PodEniLog.PodFetchFailed(logger, podNamespace, podName, error);
            return new PodLookup(seen, seen is null ? error : null);
        }
    }
}
