using System.Text.Json;
using System.Text.Json.Nodes;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Kubernetes;
using VpcCni.Engine.Manifests;

namespace VpcCni.Engine.SecurityGroups;

/// <summary>
/// Evaluates a cluster's SecurityGroupPolicies for one of its pods: reads the pod (labels, service
/// account), the service account's labels and the policies of the pod's namespace, then applies
/// <see cref="SecurityGroupPolicyEvaluator"/>. A cluster without the SecurityGroupPolicy resource has no
/// policies, as the resource controller then lets pods start without branch ENIs (upstream
/// <c>pkg/utils/helper.go</c>, <c>GetMatchingSecurityGroupForPods</c>).
/// </summary>
public sealed class SecurityGroupPolicyCluster(KubernetesObjectClient client)
{
    /// <summary>Opens the cluster of <paramref name="kubeconfigPath"/> (or the in-cluster account); errors carry <see cref="ErrorIds.SecurityGroupPolicy.ClusterRequestFailed"/>.</summary>
    public static KubernetesObjectClient Connect(string? kubeconfigPath, string? context) =>
        KubernetesObjectClient.Open(kubeconfigPath, context, ErrorIds.SecurityGroupPolicy.ClusterRequestFailed);

    /// <summary>Every policy's verdict for pod <paramref name="namespace"/>/<paramref name="pod"/>; <see cref="ErrorIds.SecurityGroupPolicy.PodNotFound"/> when there is no such pod.</summary>
    public async Task<SecurityGroupPolicyEvaluation> EvaluatePodAsync(string @namespace, string pod, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(pod);
        var podJson = await client.GetAsync($"api/v1/namespaces/{Uri.EscapeDataString(@namespace)}/pods/{Uri.EscapeDataString(pod)}", cancellationToken).ConfigureAwait(false)
            ?? throw new VpcCniException(VpcCniErrorCategory.NotFound, ErrorIds.SecurityGroupPolicy.PodNotFound, $"Pod {@namespace}/{pod} does not exist.");
        var podObject = Parse(podJson);
        var account = (string?)podObject["spec"]?["serviceAccountName"] is { Length: > 0 } name ? name : SecurityGroupPolicySubject.DefaultServiceAccount;
        var accountJson = await client.GetAsync($"api/v1/namespaces/{Uri.EscapeDataString(@namespace)}/serviceaccounts/{Uri.EscapeDataString(account)}", cancellationToken).ConfigureAwait(false);
        var subject = new SecurityGroupPolicySubject(@namespace, pod, Labels(podObject), account,
            accountJson is null ? new Dictionary<string, string>() : Labels(Parse(accountJson)), accountJson is not null);

        var policiesPath = $"apis/vpcresources.k8s.aws/v1beta1/namespaces/{Uri.EscapeDataString(@namespace)}/securitygrouppolicies";
        var policiesJson = await client.GetAsync(policiesPath, cancellationToken).ConfigureAwait(false);
        var policies = policiesJson is null ? [] : SecurityGroupPolicyManifestReader.Read(policiesJson, client.Server.ToString(), @namespace);
        return SecurityGroupPolicyEvaluator.Evaluate(policies, subject);
    }

    private static JsonObject Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new JsonException("not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.SecurityGroupPolicy.ClusterRequestFailed,
                $"The Kubernetes API server answered with something that is not an object: {ex.Message}", ex);
        }
    }

    private static Dictionary<string, string> Labels(JsonObject obj) => KubeObjectFields.StringMap(obj["metadata"]?["labels"]);
}
