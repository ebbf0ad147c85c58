using System.Net;
using System.Net.Http.Headers;
using System.Text;
using k8s;
using k8s.Exceptions;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Kubernetes;

namespace VpcCni.Engine.Manifests;

/// <summary>
/// JSON requests (GET, POST, merge PATCH, DELETE) to a Kubernetes API server with the configuration
/// <see cref="KubernetesClientFactory"/> resolves and KubernetesClient's own client object, so TLS,
/// client certificates and tokens are the library's. Only the module uses it; the node service's views
/// read through <see cref="KubernetesApiConnection"/>, which avoids that object for the size of its
/// Native AOT image. Objects travel as JSON text, which the manifest readers read as YAML, so one
/// reader serves files and the cluster. An answer the caller does not expect becomes a
/// <see cref="VpcCniException"/> with <see cref="_failedId"/>: ResourceUnavailable when nothing
/// answers, PermissionDenied on 401/403.
/// </summary>
public sealed class KubernetesObjectClient : IDisposable
{
    private readonly k8s.Kubernetes _client;
    private readonly string _failedId;

    private KubernetesObjectClient(k8s.Kubernetes client, string failedId) => (_client, _failedId) = (client, failedId);

    /// <summary>The API server's address.</summary>
    public Uri Server => _client.BaseUri;

    /// <summary>
    /// A client for the kubeconfig at <paramref name="kubeconfigPath"/> (its current context, or
    /// <paramref name="context"/>), or the in-cluster service account when no path is given.
    /// <see cref="ErrorIds.Kubernetes.InvalidKubeconfig"/> when neither gives a cluster.
    /// </summary>
    public static KubernetesObjectClient Open(string? kubeconfigPath, string? context, string failedId)
    {
        ArgumentException.ThrowIfNullOrEmpty(failedId);
        var configuration = string.IsNullOrEmpty(context) ? KubernetesClientFactory.Resolve(kubeconfigPath) : WithContext(kubeconfigPath, context);
        if (configuration is null)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.Kubernetes.InvalidKubeconfig,
                "No kubeconfig was given (-Kubeconfig, KUBECONFIG or ~/.kube/config) and this process does not run in a pod.");
        }

        return new KubernetesObjectClient(new k8s.Kubernetes(configuration), failedId);
    }

    /// <summary>The object or list at <paramref name="path"/> as JSON text, or null when the server answers 404.</summary>
    public async Task<string?> GetAsync(string path, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
        return status == HttpStatusCode.NotFound ? null : Expect(status, body, HttpMethod.Get, path);
    }

    /// <summary>Sends <paramref name="json"/> (or nothing) and returns the status and the body; only transport failures and 401/403 throw.</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string? json, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        using var request = new HttpRequestMessage(method, new Uri(_client.BaseUri, path));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
        }

        try
        {
            if (_client.Credentials is { } credentials)
            {
                await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
            }

            using var response = await _client.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new VpcCniException(VpcCniErrorCategory.PermissionDenied, _failedId,
                    $"The Kubernetes API server at {_client.BaseUri} refused {method} {path}: {(int)response.StatusCode} {body}");
            }

            return (response.StatusCode, body);
        }
        catch (HttpRequestException ex)
        {
            throw new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, _failedId,
                $"The Kubernetes API server at {_client.BaseUri} did not answer {method} {path}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VpcCniException(VpcCniErrorCategory.Timeout, _failedId,
                $"The Kubernetes API server at {_client.BaseUri} did not answer {method} {path} in time.", ex);
        }
    }

    /// <summary>The body of a 2xx answer; anything else is an error naming the request.</summary>
    public string Expect(HttpStatusCode status, string body, HttpMethod method, string path) =>
        (int)status is >= 200 and < 300
            ? body
            : throw new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, _failedId,
                $"The Kubernetes API server at {_client.BaseUri} answered {method} {path} with {(int)status} {status}: {body}");

    public void Dispose() => _client.Dispose();

    private static KubernetesClientConfiguration WithContext(string? kubeconfigPath, string context)
    {
        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath, context);
        }
        catch (Exception ex) when (ex is KubeConfigException or IOException or YamlDotNet.Core.YamlException)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.Kubernetes.InvalidKubeconfig,
                $"The kubeconfig '{kubeconfigPath}' has no usable context '{context}': {ex.Message}", ex);
        }
    }
}
