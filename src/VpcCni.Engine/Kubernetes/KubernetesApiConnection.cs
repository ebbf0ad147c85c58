using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Autorest;

namespace VpcCni.Engine.Kubernetes;

/// <summary>
/// GET requests through a KubernetesClient's own HTTP pipeline: its <c>HttpClient</c> (TLS with the
/// cluster's CA, client certificates) and its credentials (bearer token, re-read as the service
/// account token rotates). The views read objects as JSON, so one reader serves every kind,
/// including the custom resources KubernetesClient has no model for; watches stream newline-separated
/// events (Kubernetes API concepts, "Efficient detection of changes").
/// </summary>
public sealed class KubernetesApiConnection(k8s.Kubernetes client)
{
    /// <summary>The API server's address.</summary>
    public Uri Server => client.BaseUri;

    /// <summary>GETs <paramref name="relativeUri"/> and parses the body as a JSON object.</summary>
    /// <exception cref="HttpOperationException">The server answered with an error status.</exception>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    public async Task<JsonObject> GetObjectAsync(string relativeUri, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(relativeUri, cancellationToken).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonNode.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false) as JsonObject
            ?? throw new JsonException($"The answer to {relativeUri} is not a JSON object.");
    }

    /// <summary>Opens <paramref name="relativeUri"/> as a stream (a watch); the caller disposes the response.</summary>
    public Task<HttpResponseMessage> OpenStreamAsync(string relativeUri, CancellationToken cancellationToken) =>
        SendAsync(relativeUri, cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(string relativeUri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri, relativeUri));
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // Headers only: a watch's body never ends, and HttpClient's timeout then covers just the wait for headers.
        var response = await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpOperationException($"GET {relativeUri} answered {(int)response.StatusCode} {response.StatusCode}: {content}")
            {
                Response = new HttpResponseMessageWrapper(response, content),
            };
        }
    }

    /// <summary>Whether <paramref name="exception"/> is the API server's 410 Gone (the resource version is too old).</summary>
    public static bool IsGone(HttpOperationException exception) =>
        exception?.Response?.StatusCode == HttpStatusCode.Gone;
}
