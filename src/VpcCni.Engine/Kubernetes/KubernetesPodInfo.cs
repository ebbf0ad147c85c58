using System.Text.Json.Nodes;

namespace VpcCni.Engine.Kubernetes;

/// <summary>A pod scheduled on this node, as the API server has it.</summary>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Name">Its name.</param>
/// <param name="Uid">Its <c>metadata.uid</c>.</param>
/// <param name="Labels">Its labels (SecurityGroupPolicy selectors match them).</param>
/// <param name="Annotations">Its annotations (<c>vpc.amazonaws.com/pod-eni</c> for branch ENIs).</param>
/// <param name="PodIp">Its <c>status.podIP</c>, when reported.</param>
public sealed record KubernetesPodInfo(
    string Namespace,
    string Name,
    string Uid,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string? PodIp)
{
    /// <summary>The extended resource the VPC resource controller's webhook adds to a pod a SecurityGroupPolicy selects.</summary>
    public const string PodEniResource = "vpc.amazonaws.com/pod-eni";

    /// <summary>
    /// Whether a container requests or limits <see cref="PodEniResource"/>: the resource controller's
    /// webhook put it there at creation because a SecurityGroupPolicy selects the pod, so a branch ENI
    /// annotation is on its way (upstream <c>pkg/ipamd/rpc_handler.go</c> waits for it in that case).
    /// </summary>
    public bool RequestsPodEni { get; init; }

    /// <summary>The pod as the API server serves it (a list item, a watch object or a GET).</summary>
    public static KubernetesPodInfo From(JsonObject pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var containers = pod["spec"]?["containers"] as JsonArray ?? [];
        var requestsPodEni = containers.OfType<JsonObject>().Any(c =>
            c["resources"]?["limits"]?[PodEniResource] is not null || c["resources"]?["requests"]?[PodEniResource] is not null);
        return new KubernetesPodInfo(
            KubeObjectFields.Namespace(pod),
            KubeObjectFields.Name(pod),
            (string?)pod["metadata"]?["uid"] ?? string.Empty,
            KubeObjectFields.StringMap(pod["metadata"]?["labels"]),
            KubeObjectFields.StringMap(pod["metadata"]?["annotations"]),
            (string?)pod["status"]?["podIP"])
        {
            RequestsPodEni = requestsPodEni,
        };
    }
}
