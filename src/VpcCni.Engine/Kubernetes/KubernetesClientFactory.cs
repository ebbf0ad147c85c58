using k8s;
using k8s.Exceptions;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Kubernetes;

/// <summary>
/// Builds the connection the views use, from a kubeconfig file or, inside a pod, from the
/// service account (KubernetesClient's <c>KubernetesClientConfiguration.InClusterConfig</c>: the
/// <c>KUBERNETES_SERVICE_HOST</c>/<c>_PORT</c> variables and the token and CA under
/// <c>/var/run/secrets/kubernetes.io/serviceaccount</c>). The token file is read again as it rotates.
/// </summary>
public static class KubernetesClientFactory
{
    /// <summary>
    /// The client configuration: <paramref name="kubeconfigPath"/> when given, else the in-cluster
    /// one when this process runs in a pod, else null (no API server: the views stay off).
    /// </summary>
    /// <exception cref="VpcCniException"><see cref="ErrorIds.Kubernetes.InvalidKubeconfig"/>: the file cannot be read or names no cluster.</exception>
    public static KubernetesClientConfiguration? Resolve(string? kubeconfigPath)
    {
        try
        {
            if (!string.IsNullOrEmpty(kubeconfigPath))
            {
                if (!File.Exists(kubeconfigPath))
                {
                    throw Invalid($"The kubeconfig '{kubeconfigPath}' does not exist.", null);
                }

                return KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath);
            }

            return KubernetesClientConfiguration.IsInCluster() ? KubernetesClientConfiguration.InClusterConfig() : null;
        }
        catch (KubeConfigException ex)
        {
            throw Invalid($"The kubeconfig '{kubeconfigPath ?? "(in-cluster)"}' cannot be used: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw Invalid($"The kubeconfig '{kubeconfigPath ?? "(in-cluster)"}' cannot be read: {ex.Message}", ex);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw Invalid($"The kubeconfig '{kubeconfigPath}' is not valid YAML: {ex.Message}", ex);
        }
    }

    /// <summary>A connection for <paramref name="configuration"/>; the caller disposes it.</summary>
    /// <exception cref="VpcCniException"><see cref="ErrorIds.Kubernetes.InvalidKubeconfig"/>: no usable server in it.</exception>
    public static KubernetesApiConnection Create(KubernetesClientConfiguration configuration, string source, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(logger);
        KubernetesApiConnection connection;
        try
        {
            connection = new KubernetesApiConnection(configuration);
        }
        catch (KubeConfigException ex)
        {
            throw Invalid($"The Kubernetes configuration from {source} cannot be used: {ex.Message}", ex);
        }

        var server = connection.Server.ToString();
        KubernetesLog.ClientCreated(logger, server, source);
        return connection;
    }

    private static VpcCniException Invalid(string message, Exception? inner) =>
        new(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.Kubernetes.InvalidKubeconfig, message, inner);
}
