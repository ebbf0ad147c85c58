using System.Net.Sockets;
using Grpc.Net.Client;

namespace VpcCni.Engine.Rpc;

/// <summary>
/// Opens a gRPC channel to a server listening on a Unix domain socket, such as the node service's
/// IPAM socket. The plugin and the tests use it; the address in the channel is a placeholder,
/// because every connection goes to the socket file (unix(7)).
/// </summary>
public static class UnixSocketChannel
{
    /// <summary>The node service's default IPAM socket, as the upstream plugin dials it.</summary>
    public const string DefaultIpamSocketPath = "/var/run/aws-node/ipamd.sock";

    /// <summary>Creates a channel whose every HTTP/2 connection is a new connection to <paramref name="socketPath"/>.</summary>
    public static GrpcChannel Create(string socketPath, GrpcChannelOptions? options = null)
    {
        var handler = CreateHttpHandler(socketPath);
        options ??= new GrpcChannelOptions();
        options.HttpHandler = handler;
        options.DisposeHttpClient = true;

        // Plain HTTP/2 without TLS: the socket file's mode is the access control.
        return GrpcChannel.ForAddress("http://localhost", options);
    }

    /// <summary>
    /// An HTTP handler whose every connection is a new connection to <paramref name="socketPath"/>, whatever
    /// host the request names; also for HTTP/1.1 listeners on a Unix socket (<c>INTROSPECTION_BIND_ADDRESS=unix:…</c>).
    /// </summary>
    public static SocketsHttpHandler CreateHttpHandler(string socketPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        var endpoint = new UnixDomainSocketEndPoint(socketPath);
        return new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }
}
