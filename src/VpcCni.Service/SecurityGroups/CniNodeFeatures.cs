using System.Net;
using System.Text.Json.Nodes;
using k8s.Autorest;
using VpcCni.Engine.Kubernetes;

namespace VpcCni.Service.SecurityGroups;

/// <summary>
/// This node's <c>CNINode</c> (<c>vpcresources.k8s.aws/v1alpha1</c>, cluster-scoped, named after the
/// node): the features the CNI hands to the VPC resource controller in <c>spec.features</c>
/// (<c>{name, value}</c>), as upstream <c>pkg/k8sapi</c> <c>AddFeatureToCNINode</c> records them. The
/// object is created when it is missing; a merge patch replaces a list whole (RFC 7386), so the patch
/// carries the full list and the resource version it was read at.
/// </summary>
internal sealed class CniNodeFeatures(KubernetesApiConnection api, string nodeName)
{
    public const string ApiVersion = "vpcresources.k8s.aws/v1alpha1";
    public const string Collection = "apis/vpcresources.k8s.aws/v1alpha1/cninodes";
    public const string SecurityGroupsForPods = "SecurityGroupsForPods";
    public const string CustomNetworking = "CustomNetworking";

    /// <summary>Adds each of <paramref name="features"/> (name, value) that <c>spec.features</c> lacks or holds with another value.</summary>
    /// <exception cref="HttpOperationException">The API server refused.</exception>
    /// <exception cref="HttpRequestException">The API server could not be reached.</exception>
    public async Task EnsureAsync(IReadOnlyList<(string Name, string Value)> features, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        var item = $"{Collection}/{Uri.EscapeDataString(nodeName)}";
        var current = await GetAsync(item, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            try
            {
                await api.CreateAsync(Collection, new JsonObject
                {
                    ["apiVersion"] = ApiVersion,
                    ["kind"] = "CNINode",
                    ["metadata"] = new JsonObject { ["name"] = nodeName },
                    ["spec"] = new JsonObject { ["features"] = Merge([], features) },
                }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpOperationException e) when (KubernetesApiConnection.HasStatus(e, HttpStatusCode.Conflict))
            {
                // The resource controller made it meanwhile: add to what it wrote.
                current = await GetAsync(item, cancellationToken).ConfigureAwait(false);
                if (current is null)
                {
                    throw;
                }
            }
        }

        var existing = current["spec"]?["features"] as JsonArray ?? [];
        var merged = Merge(existing, features);
        if (JsonNode.DeepEquals(existing, merged))
        {
            return;
        }

        await api.MergePatchAsync(item, new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = current["metadata"]?["resourceVersion"]?.DeepClone() },
            ["spec"] = new JsonObject { ["features"] = merged },
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject?> GetAsync(string item, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetObjectAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (KubernetesApiConnection.HasStatus(e, HttpStatusCode.NotFound))
        {
            return null;
        }
    }

    private static JsonArray Merge(JsonArray existing, IReadOnlyList<(string Name, string Value)> features)
    {
        var merged = new JsonArray([.. existing.Select(f => f?.DeepClone())]);
        foreach (var (name, value) in features)
        {
            var entry = new JsonObject { ["name"] = name };
            if (value.Length > 0)
            {
                entry["value"] = value;
            }

            var at = merged.Select((f, i) => (f, i)).FirstOrDefault(p => (string?)p.f?["name"] == name);
            if (at.f is null)
            {
                merged.Add((JsonNode)entry);
            }
            else if ((string?)at.f["value"] != (value.Length > 0 ? value : null))
            {
                merged[at.i] = entry;
            }
        }

        return merged;
    }
}
