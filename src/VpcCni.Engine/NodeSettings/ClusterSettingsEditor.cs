using System.Net;
using Microsoft.Extensions.Configuration;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Manifests;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Engine.NodeSettings;

/// <summary>
/// Sets and unsets variables in the cluster-wide <c>kube-system/amazon-vpc-cni</c> ConfigMap, which
/// every node reads below its own environment (docs/configuration.md, "Changing the cluster"). It keeps
/// <see cref="EnvFileEditor"/>'s contract: only the named variables change and every other key stays;
/// an empty value removes the variable's keys; the resulting <c>data</c> is bound over the defaults with
/// <see cref="VpcCniSettingsBinder"/>, as a node would bind it, and a result the node would reject is
/// refused with <see cref="ErrorIds.Config.InvalidConfiguration"/> (each error naming the ConfigMap key
/// and the variable) before anything is written. The write replaces the object with the
/// <c>metadata.resourceVersion</c> it was read at, so a change made in between is never overwritten:
/// the API server answers 409 Conflict (Kubernetes API concepts, "Resource versions"), and the edit is
/// read, judged and written once more.
/// </summary>
/// <param name="client">The cluster; open it with <see cref="Connect"/> so its errors carry <see cref="ErrorIds.ClusterSettings.RequestFailed"/>.</param>
/// <param name="configMapNamespace">The ConfigMap's namespace (the node's <c>Kubernetes:ConfigMapNamespace</c>).</param>
/// <param name="configMapName">The ConfigMap's name (the node's <c>Kubernetes:ConfigMapName</c>).</param>
public sealed class ClusterSettingsEditor(KubernetesObjectClient client, string configMapNamespace = ClusterSettingsEditor.DefaultNamespace, string configMapName = ClusterSettingsEditor.DefaultName)
{
    /// <summary>The namespace the node reads the ConfigMap from by default (docs/kubernetes.md).</summary>
    public const string DefaultNamespace = "kube-system";

    /// <summary>The ConfigMap's name, as upstream's manifest and the EKS add-on name it.</summary>
    public const string DefaultName = "amazon-vpc-cni";

    /// <summary>Variables that name one node; the node service takes them from its own environment only.</summary>
    private static readonly string[] NodeOnly = [N.NodeName, N.PodName];

    /// <summary>Opens the cluster of <paramref name="kubeconfigPath"/> (or the in-cluster account); errors carry <see cref="ErrorIds.ClusterSettings.RequestFailed"/>.</summary>
    public static KubernetesObjectClient Connect(string? kubeconfigPath, string? context) =>
        KubernetesObjectClient.Open(kubeconfigPath, context, ErrorIds.ClusterSettings.RequestFailed);

    /// <summary>The ConfigMap as <c>namespace/name at server</c>, as prompts and results name it.</summary>
    public string ConfigMap => $"{configMapNamespace}/{configMapName} at {client.Server}";

    /// <summary>Runs between each read and its write; tests change the ConfigMap there to provoke a conflict.</summary>
    internal Func<CancellationToken, Task>? AfterRead { get; init; }

    private string ItemPath => $"api/v1/namespaces/{configMapNamespace}/configmaps/{configMapName}";

    /// <summary>Computes the edit without writing: what would change, and whether the result is valid.</summary>
    /// <param name="changes">Variable names (or their ConfigMap keys) with their new text; null or empty unsets the variable.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="InvalidConfigurationException">The node would reject the edited ConfigMap.</exception>
    /// <exception cref="VpcCniException">An unknown or node-only variable, or a failed request.</exception>
    public async Task<EnvFileChange> PreviewAsync(IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken) =>
        Plan(await ReadAsync(cancellationToken).ConfigureAwait(false), changes).Change;

    /// <summary>As <see cref="PreviewAsync"/>, then writes the ConfigMap (creating it when missing) when anything changed.</summary>
    /// <exception cref="VpcCniException"><see cref="ErrorIds.ClusterSettings.Conflict"/> when the ConfigMap changed under the edit twice.</exception>
    public async Task<EnvFileChange> ApplyAsync(IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync(cancellationToken).ConfigureAwait(false);
            var (change, data) = Plan(current, changes);
            // Nothing to change, including unsetting keys of a ConfigMap that does not exist: no write, no empty object.
            if (current.Data.SequenceEqual(data))
            {
                return change;
            }

            if (AfterRead is { } afterRead)
            {
                await afterRead(cancellationToken).ConfigureAwait(false);
            }

            if (await TryWriteAsync(current, data, cancellationToken).ConfigureAwait(false))
            {
                return change with { Written = true };
            }

            if (attempt == 2)
            {
                throw new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.ClusterSettings.Conflict,
                    $"ConfigMap {ConfigMap} changed while it was being edited, twice; nothing was written. Try again.");
            }
        }
    }

    private async Task<ClusterConfigMap> ReadAsync(CancellationToken cancellationToken) =>
        await client.GetAsync(ItemPath, cancellationToken).ConfigureAwait(false) is { } json
            ? ClusterConfigMap.Parse(json, $"ConfigMap {ConfigMap}")
            : ClusterConfigMap.Missing;

    /// <summary>False when the server refused the write because the ConfigMap changed (or appeared, or went) since the read.</summary>
    private async Task<bool> TryWriteAsync(ClusterConfigMap current, IReadOnlyList<KeyValuePair<string, string>> data, CancellationToken cancellationToken)
    {
        var (method, path) = current.Exists
            ? (HttpMethod.Put, ItemPath)
            : (HttpMethod.Post, $"api/v1/namespaces/{configMapNamespace}/configmaps");
        var (status, body) = await client.SendAsync(method, path, current.ToJson(configMapNamespace, configMapName, data), null, cancellationToken).ConfigureAwait(false);
        if (status is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            return false;
        }

        client.Expect(status, body, method, path);
        return true;
    }

    private (EnvFileChange Change, IReadOnlyList<KeyValuePair<string, string>> Data) Plan(ClusterConfigMap current, IReadOnlyDictionary<string, string?> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var data = current.Data.ToList();
        foreach (var (name, value) in changes)
        {
            var variable = Resolve(name);
            var keys = data.Where(e => ClusterConfigMap.Sets(e.Key, variable)).Select(e => e.Key).ToList();
            if (string.IsNullOrEmpty(value))
            {
                data.RemoveAll(e => keys.Contains(e.Key));
                continue;
            }

            if (NodeOnly.Contains(variable.Name, StringComparer.OrdinalIgnoreCase))
            {
                throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.ClusterSettings.NodeOnlyVariable,
                    $"{variable.Name} names one node, so it cannot be set cluster-wide in ConfigMap {ConfigMap}; set it in that node's env file.");
            }

            // A variable already held under the guide's alias key (enable-custom-networking) keeps that key.
            if (keys.Count == 0)
            {
                data.Add(KeyValuePair.Create(variable.ConfigMapKey, value));
            }

            for (var i = 0; i < data.Count; i++)
            {
                if (keys.Contains(data[i].Key))
                {
                    data[i] = KeyValuePair.Create(data[i].Key, value);
                }
            }
        }

        var bound = VpcCniSettingsBinder.Evaluate(new ConfigurationBuilder().Build(), data.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
        if (!bound.IsValid)
        {
            throw new InvalidConfigurationException(bound.Errors);
        }

        var changed = ConfigurationVariables.All
            .Select(v => new VariableChange(v.Name, ClusterConfigMap.ValueOf(current.Data, v), ClusterConfigMap.ValueOf(data, v), v.AppliesLive,
                data.Concat(current.Data).FirstOrDefault(e => ClusterConfigMap.Sets(e.Key, v)).Key ?? v.ConfigMapKey))
            .Where(c => c.Before != c.After)
            .ToArray();
        return (new EnvFileChange
        {
            ConfigMap = ConfigMap,
            Changes = changed,
            Settings = bound.Settings,
            Notices = [.. bound.Notices.Select(n => n.Message)],
        }, data);
    }

    /// <summary>A variable by its environment name or one of its ConfigMap keys; otherwise the env-file path's <see cref="ErrorIds.NodeSettings.UnknownVariable"/>.</summary>
    private static ConfigurationVariable Resolve(string name) =>
        ConfigurationVariables.TryGetByConfigMapKey(name, out var variable) ? variable : EnvFileEditor.Known(name);
}
