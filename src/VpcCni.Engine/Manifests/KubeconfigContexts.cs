using k8s;

namespace VpcCni.Engine.Manifests;

/// <summary>The context names of a kubeconfig file, for completing <c>-Context</c>.</summary>
public static class KubeconfigContexts
{
    /// <summary>The names, or none when the file is missing or unreadable (completion never fails).</summary>
    public static IReadOnlyList<string> Names(string? kubeconfigPath)
    {
        if (string.IsNullOrEmpty(kubeconfigPath) || !File.Exists(kubeconfigPath))
        {
            return [];
        }

        try
        {
            return [.. (KubernetesClientConfiguration.LoadKubeConfig(kubeconfigPath, false).Contexts ?? []).Select(c => c.Name).Where(n => !string.IsNullOrEmpty(n))];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException or k8s.Exceptions.KubeConfigException)
        {
            return [];
        }
    }
}
