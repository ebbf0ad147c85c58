using System.Net.Sockets;

namespace VpcCni.Service.Tests.Support;

/// <summary>An HttpClient whose every connection goes to one Unix socket, for the introspection listener bound to <c>unix:/path</c>.</summary>
public static class UnixSocketHttp
{
    /// <summary>A client for <paramref name="socketPath"/>; request URIs name any host (<c>http://localhost/v1/enis</c>).</summary>
    public static HttpClient Create(string socketPath) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await client.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                return new NetworkStream(client, ownsSocket: true);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        },
    });
}
