using System.Text.Json.Nodes;
using VpcCni.Engine.Kubernetes;
using VpcCni.Engine.SecurityGroups;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// The VPC resource controller's mutating pod webhook (aws/amazon-vpc-resource-controller-k8s,
/// <c>webhooks/core/pod_webhook.go</c>): a new pod that a SecurityGroupPolicy selects asks for one
/// <c>vpc.amazonaws.com/pod-eni</c> in its first container's requests and limits, so the node knows it
/// is a branch-ENI pod before the controller annotates it and never gives it a pool address.
/// </summary>
public static class PodEniWebhook
{
    /// <summary>The groups the policies give <paramref name="pod"/> (none when no policy selects it).</summary>
    public static IReadOnlyList<string> GroupsOf(JsonObject pod, string ns, IReadOnlyList<SecurityGroupPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var name = (string?)pod["metadata"]?["name"] ?? string.Empty;
        var labels = (pod["metadata"]?["labels"] as JsonObject ?? []).Where(l => l.Value is JsonValue).ToDictionary(l => l.Key, l => (string?)l.Value ?? string.Empty, StringComparer.Ordinal);
        var account = (string?)pod["spec"]?["serviceAccountName"] ?? SecurityGroupPolicySubject.DefaultServiceAccount;
        return SecurityGroupPolicyEvaluator.Evaluate(policies, new SecurityGroupPolicySubject(ns, name, labels, account, new Dictionary<string, string>(), ServiceAccountFound: false)).GroupIds;
    }

    /// <summary>Adds the resource to a selected pod's first container; any other pod is left as it is.</summary>
    public static void Mutate(JsonObject pod, string ns, IReadOnlyList<SecurityGroupPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (GroupsOf(pod, ns, policies).Count == 0 || pod["spec"]?["containers"] is not JsonArray { Count: > 0 } containers || containers[0] is not JsonObject container)
        {
            return;
        }

        var resources = container["resources"] as JsonObject ?? [];
        container["resources"] = resources;
        foreach (var kind in new[] { "limits", "requests" })
        {
            var amounts = resources[kind] as JsonObject ?? [];
            resources[kind] = amounts;
            amounts[KubernetesPodInfo.PodEniResource] = "1";
        }
    }
}
