using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Authentication;
using k8s.Autorest;
using k8s.Exceptions;

namespace VpcCni.Engine.Kubernetes;

/// <summary>
/// Requests to the API server (GET, watch, merge PATCH and create) with KubernetesClient's configuration and its own pieces: the
/// credentials <c>Kubernetes.CreateCredentials</c> makes (bearer token, re-read as the service account
/// token rotates; basic auth), the server check <c>Kubernetes.CertificateValidationCallBack</c> does
/// against the cluster's CA, and the client certificate from <c>CertUtils.GetClientCert</c>, on a
/// <see cref="SocketsHttpHandler"/> set up as the library's own (keep-alive pings while requests run).
/// The library's <c>Kubernetes</c> client object is not built: the views need no typed operations, and
/// building it roots every generated operation and model in the Native AOT image (measured with it:
/// 40.9 instead of 25.2 MiB of binary, 73 instead of 47 MiB resident on <c>run --simulate</c>).
/// The views read objects as JSON, so one reader serves every kind, the custom resources included;
/// watches stream newline-separated events (Kubernetes API concepts, "Efficient detection of changes").
/// </summary>
public sealed class KubernetesApiConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly ServiceClientCredentials? _credentials;
    private readonly TimeSpan _requestTimeout;

    /// <exception cref="KubeConfigException">The configuration names no usable server (no host, or TLS without a CA).</exception>
    public KubernetesApiConnection(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!Uri.TryCreate(configuration.Host, UriKind.Absolute, out var server))
        {
            throw new KubeConfigException($"The API server address '{configuration.Host}' is not an absolute URL.");
        }

        Server = new Uri(server.AbsoluteUri.EndsWith('/') ? server.AbsoluteUri : server.AbsoluteUri + "/");
        var handler = new SocketsHttpHandler
        {
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            KeepAlivePingDelay = TimeSpan.FromMinutes(3),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        };
        if (server.Scheme == Uri.UriSchemeHttps)
        {
            var ca = configuration.SkipTlsVerify ? null : configuration.SslCaCerts ?? throw new KubeConfigException("A CA must be set when SkipTlsVerify is false.");
            handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                ca is null || (certificate is not null && chain is not null && k8s.Kubernetes.CertificateValidationCallBack(sender, ca, certificate, chain, errors));
            if (configuration.TlsServerName is { Length: > 0 } name)
            {
                handler.SslOptions.TargetHost = name;
            }

            if (ClientCertificate(configuration) is { } clientCertificate)
            {
                handler.SslOptions.ClientCertificates = [clientCertificate];
            }
        }

        // No client-wide timeout: a watch stays open for minutes. A list gets the configuration's timeout of its own.
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _requestTimeout = configuration.HttpClientTimeout;
        _credentials = k8s.Kubernetes.CreateCredentials(configuration);
    }

    /// <summary>The API server's address, ending in <c>/</c>.</summary>
    public Uri Server { get; }

    /// <summary>GETs <paramref name="relativeUri"/> and parses the body as a JSON object.</summary>
    /// <exception cref="HttpOperationException">The server answered with an error status.</exception>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    public Task<JsonObject> GetObjectAsync(string relativeUri, CancellationToken cancellationToken) =>
        SendObjectAsync(HttpMethod.Get, relativeUri, null, cancellationToken);

    /// <summary>Opens <paramref name="relativeUri"/> as a stream (a watch); the caller disposes the response.</summary>
    public Task<HttpResponseMessage> OpenStreamAsync(string relativeUri, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, relativeUri, null, cancellationToken);

    /// <summary>
    /// PATCHes <paramref name="relativeUri"/> with a JSON merge patch (RFC 7386; the API server's
    /// <c>application/merge-patch+json</c>, which also works for custom resources, unlike strategic
    /// merge) and returns the object as stored.
    /// </summary>
    /// <exception cref="HttpOperationException">The server answered with an error status (404 when the object is gone).</exception>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    public Task<JsonObject> MergePatchAsync(string relativeUri, JsonObject patch, CancellationToken cancellationToken) =>
        SendObjectAsync(HttpMethod.Patch, relativeUri, JsonContent(patch, "application/merge-patch+json"), cancellationToken);

    /// <summary>POSTs <paramref name="body"/> to the collection <paramref name="relativeUri"/> (a create) and returns the object as stored.</summary>
    /// <exception cref="HttpOperationException">The server answered with an error status (409 when the name is taken).</exception>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    public Task<JsonObject> CreateAsync(string relativeUri, JsonObject body, CancellationToken cancellationToken) =>
        SendObjectAsync(HttpMethod.Post, relativeUri, JsonContent(body, "application/json"), cancellationToken);

    public void Dispose() => _http.Dispose();

    /// <summary>Whether <paramref name="exception"/> is the API server's 410 Gone (the resource version is too old).</summary>
    public static bool IsGone(HttpOperationException exception) => HasStatus(exception, HttpStatusCode.Gone);

    /// <summary>
    /// The kubeconfig's <c>client-certificate(-data)</c> and <c>client-key(-data)</c> (PEM; the data
    /// forms base64-encoded, as kubeconfig writes them), or null when it names none.
    /// </summary>
    private static X509Certificate2? ClientCertificate(KubernetesClientConfiguration configuration)
    {
        if (configuration.ClientCertificateData is { Length: > 0 } certificate && configuration.ClientCertificateKeyData is { Length: > 0 } key)
        {
            return X509Certificate2.CreateFromPem(Pem(certificate), Pem(key));
        }

        return configuration.ClientCertificateFilePath is { Length: > 0 } certificatePath && configuration.ClientKeyFilePath is { Length: > 0 } keyPath
            ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
            : null;
    }

    private static string Pem(string base64) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    /// <summary>Whether <paramref name="exception"/> is the API server's answer for <paramref name="status"/>.</summary>
    public static bool HasStatus(HttpOperationException exception, HttpStatusCode status) =>
        exception?.Response?.StatusCode == status;

    private static StringContent JsonContent(JsonObject body, string mediaType) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, mediaType);

    private async Task<JsonObject> SendObjectAsync(HttpMethod method, string relativeUri, HttpContent? content, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_requestTimeout);
        using var response = await SendAsync(method, relativeUri, content, timeout.Token).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
        return await JsonNode.ParseAsync(body, cancellationToken: timeout.Token).ConfigureAwait(false) as JsonObject
            ?? throw new JsonException($"The answer to {method} {relativeUri} is not a JSON object.");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativeUri, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(Server, relativeUri)) { Content = content };
        if (_credentials is not null)
        {
            await _credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // Headers only: a watch's body never ends, and HttpClient's timeout then covers just the wait for headers.
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpOperationException($"{method} {relativeUri} answered {(int)response.StatusCode} {response.StatusCode}: {answer}")
            {
                Response = new HttpResponseMessageWrapper(response, answer),
            };
        }
    }
}
