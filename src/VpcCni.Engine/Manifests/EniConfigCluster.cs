using System.Net;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Placement;

namespace VpcCni.Engine.Manifests;

/// <summary>
/// The ENIConfig objects of a cluster (<c>/apis/crd.k8s.amazonaws.com/v1alpha1/eniconfigs</c>): list,
/// read, create, patch the spec, delete. Objects are read with <see cref="EniConfigManifestReader"/>.
/// </summary>
public sealed class EniConfigCluster(KubernetesObjectClient client)
{
    private const string Collection = "apis/crd.k8s.amazonaws.com/v1alpha1/eniconfigs";

    /// <summary>Opens the cluster of <paramref name="kubeconfigPath"/> (or the in-cluster account); errors carry <see cref="ErrorIds.EniConfig.ClusterRequestFailed"/>.</summary>
    public static KubernetesObjectClient Connect(string? kubeconfigPath, string? context) =>
        KubernetesObjectClient.Open(kubeconfigPath, context, ErrorIds.EniConfig.ClusterRequestFailed);

    /// <summary>Every ENIConfig, ordered by name.</summary>
    public async Task<IReadOnlyList<EniConfig>> ListAsync(CancellationToken cancellationToken)
    {
        var json = await client.GetAsync(Collection, cancellationToken).ConfigureAwait(false)
            ?? throw new VpcCniException(VpcCniErrorCategory.NotFound, ErrorIds.EniConfig.NotFound,
                $"The cluster at {client.Server} has no ENIConfig resource; apply packaging/kubernetes/eniconfig-crd.yaml first.");
        return [.. EniConfigManifestReader.Read(json, client.Server.ToString()).OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>The ENIConfig <paramref name="name"/>; <see cref="ErrorIds.EniConfig.NotFound"/> when there is none.</summary>
    public async Task<EniConfig> GetAsync(string name, CancellationToken cancellationToken)
    {
        var json = await client.GetAsync(ItemPath(name), cancellationToken).ConfigureAwait(false) ?? throw NotFound(name);
        return EniConfigManifestReader.Read(json, client.Server.ToString()).Single();
    }

    /// <summary>Creates <paramref name="config"/>; <see cref="ErrorIds.EniConfig.AlreadyExists"/> when one of that name exists.</summary>
    public async Task<EniConfig> CreateAsync(EniConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var (status, body) = await client.SendAsync(HttpMethod.Post, Collection, EniConfigManifestWriter.ToJson(config), null, cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.Conflict)
        {
            throw new VpcCniException(VpcCniErrorCategory.AlreadyExists, ErrorIds.EniConfig.AlreadyExists,
                $"ENIConfig '{config.Name}' already exists; change it with Set-VpcCniEniConfig.");
        }

        return EniConfigManifestReader.Read(client.Expect(status, body, HttpMethod.Post, Collection), client.Server.ToString()).Single();
    }

    /// <summary>Sets the subnet and/or the groups of ENIConfig <paramref name="name"/> (a JSON merge patch, RFC 7386); returns the result.</summary>
    public async Task<EniConfig> PatchAsync(string name, string? subnet, IReadOnlyList<string>? securityGroups, CancellationToken cancellationToken)
    {
        var path = ItemPath(name);
        var (status, body) = await client.SendAsync(HttpMethod.Patch, path, EniConfigManifestWriter.ToMergePatch(subnet, securityGroups),
            "application/merge-patch+json", cancellationToken).ConfigureAwait(false);
        return status == HttpStatusCode.NotFound
            ? throw NotFound(name)
            : EniConfigManifestReader.Read(client.Expect(status, body, HttpMethod.Patch, path), client.Server.ToString()).Single();
    }

    /// <summary>Deletes ENIConfig <paramref name="name"/>; <see cref="ErrorIds.EniConfig.NotFound"/> when there is none.</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var path = ItemPath(name);
        var (status, body) = await client.SendAsync(HttpMethod.Delete, path, null, null, cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.NotFound)
        {
            throw NotFound(name);
        }

        client.Expect(status, body, HttpMethod.Delete, path);
    }

    private static string ItemPath(string name) =>
        EniConfigsPerZone.IsObjectName(name)
            ? $"{Collection}/{name}"
            : throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.EniConfig.InvalidName,
                $"'{name}' is not an ENIConfig name: lower-case letters, digits, '-' and '.', at most 253 characters.");

    private static VpcCniException NotFound(string name) =>
        new(VpcCniErrorCategory.NotFound, ErrorIds.EniConfig.NotFound, $"ENIConfig '{name}' does not exist.");
}
