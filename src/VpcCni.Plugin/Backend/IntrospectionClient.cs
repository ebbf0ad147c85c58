using System.Net.Http.Json;
using VpcCni.Engine.Rpc;

namespace VpcCni.Plugin.Backend;

/// <summary>Reads the service's <c>/v1/pods</c> over TCP or a Unix socket, as <c>INTROSPECTION_BIND_ADDRESS</c> names it.</summary>
public static class IntrospectionClient
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Every allocation the service holds; throws <see cref="HttpRequestException"/> or <see cref="TaskCanceledException"/> when it cannot answer.</summary>
    public static async Task<IReadOnlyList<IntrospectionPod>> ListPodsAsync(string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var unix = address.StartsWith("unix:", StringComparison.Ordinal);
        using var handler = unix ? UnixSocketChannel.CreateHttpHandler(address[5..]) : new SocketsHttpHandler();
        using var http = new HttpClient(handler, disposeHandler: false)
        {
            BaseAddress = new Uri(unix ? "http://localhost/" : $"http://{address}/"),
            Timeout = Timeout,
        };
        return await http.GetFromJsonAsync("v1/pods", BackendJsonContext.Default.ListIntrospectionPod, cancellationToken).ConfigureAwait(false) ?? [];
    }
}
