using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using VpcCni.Engine.Rpc;

namespace VpcCni.Plugin.Backend;

/// <summary>
/// <c>rpc.NPBackend</c> on the network-policy agent's socket. The connection must come up within 2 s,
/// as upstream's plugin dials it (<c>npAgentConnTimeout</c>); an agent that is not there fails fast.
/// </summary>
public sealed class NetworkPolicyBackend : IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);
    private readonly GrpcChannel _channel;
    private readonly NPBackend.NPBackendClient _client;
    private readonly TimeProvider _time;

    private NetworkPolicyBackend(GrpcChannel channel, TimeProvider time)
    {
        _channel = channel;
        _client = new NPBackend.NPBackendClient(channel);
        _time = time;
    }

    /// <summary>
    /// Connects within 2 s or throws <see cref="RpcException"/> (Unavailable). The channel dials over its
    /// own connect callback, which gRPC's connectivity tracking does not support, so a first plain
    /// connection to the socket proves the agent listens.
    /// </summary>
    public static async Task<NetworkPolicyBackend> ConnectAsync(string socketPath, TimeProvider time, CancellationToken cancellationToken)
    {
        using (var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            using var timeout = new CancellationTokenSource(ConnectTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                await probe.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), linked.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new RpcException(new Status(StatusCode.Unavailable, $"No connection to the network-policy agent on {socketPath} within {ConnectTimeout.TotalSeconds:0} s: {e.Message}", e));
            }
        }

        return new NetworkPolicyBackend(UnixSocketChannel.Create(socketPath), time);
    }

    public async Task<bool> EnforceAsync(EnforceNpRequest request, CancellationToken cancellationToken) =>
        (await _client.EnforceNpToPodAsync(request, deadline: Deadline(), cancellationToken: cancellationToken).ConfigureAwait(false)).Success;

    public async Task<bool> DeleteAsync(DeleteNpRequest request, CancellationToken cancellationToken) =>
        (await _client.DeletePodNpAsync(request, deadline: Deadline(), cancellationToken: cancellationToken).ConfigureAwait(false)).Success;

    public void Dispose() => _channel.Dispose();

    private DateTime Deadline() => _time.GetUtcNow().UtcDateTime + CallDeadline;
}
