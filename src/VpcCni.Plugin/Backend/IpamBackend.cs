using System.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Rpc;
using VpcCni.Plugin.Cni;

namespace VpcCni.Plugin.Backend;

/// <summary>
/// <c>rpc.CNIBackend</c> on the node service's socket (docs/service.md, "Services on the socket").
/// A call that cannot reach the service, or ends in a gRPC error, throws <see cref="RpcException"/>.
/// </summary>
public sealed class IpamBackend : IDisposable
{
    /// <summary>DelNetwork's reason on a pod's DEL (upstream's plugin sends the same).</summary>
    public const string PodDeleted = "PodDeleted";

    /// <summary>DelNetwork's reason when ADD gives the address back after wiring failed.</summary>
    public const string SetupNsFailed = "SetupNSFailed";

    /// <summary>DelNetwork's reason when GC releases an attachment the runtime no longer lists.</summary>
    public const string GarbageCollected = "GC";

    /// <summary>
    /// Beyond the service's own wait for an empty pool (10 s) and well within the kubelet's limit on a
    /// sandbox (2 minutes), so a hung service fails the ADD instead of holding it forever.
    /// </summary>
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(60);

    private readonly GrpcChannel _channel;
    private readonly CallInvoker _invoker;
    private readonly TimeProvider _time;

    public IpamBackend(string socketPath, TimeProvider time)
    {
        _channel = UnixSocketChannel.Create(socketPath);
        _invoker = _channel.CreateCallInvoker();
        _time = time;
    }

    /// <summary>What the plugin sends as ClientVersion; the service logs it and refuses none (docs/service.md, "DelNetwork").</summary>
    public static string ClientVersion { get; } = "vpc-cni/" + (typeof(IpamBackend).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    /// <summary>
    /// The array type that reading an assembly's version attribute creates, compiled in: Grpc.Net.Client's
    /// user agent (its first channel) and <see cref="ClientVersion"/> read it, and without it the
    /// runtime's type loader builds the type at run time (docs/plugin.md, "Start-up").
    /// </summary>
    private static readonly AssemblyInformationalVersionAttribute[] VersionAttributes = [];

    public async Task<AddNetworkReply> AddAsync(AddNetworkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.ClientVersion = ClientVersion;
        return await _invoker.AsyncUnaryCall(CNIBackend.AddNetworkMethod, null, Options(cancellationToken), request).ConfigureAwait(false);
    }

    public async Task<DelNetworkReply> DelAsync(DelNetworkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.ClientVersion = ClientVersion;
        return await _invoker.AsyncUnaryCall(CNIBackend.DelNetworkMethod, null, Options(cancellationToken), request).ConfigureAwait(false);
    }

    /// <summary>The CNI error for a call that failed in gRPC: try again later, the service may be restarting.</summary>
    public static CniException Unavailable(RpcException e, string call)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new CniException(CniErrorCodes.TryAgainLater, ErrorIds.Plugin.ServiceUnavailable, $"{call} on the node service failed ({e.StatusCode}): {e.Status.Detail}", e);
    }

    public void Dispose() => _channel.Dispose();

    /// <summary>The channel's own invoker, not the generated client's decorated one: one generic virtual call instead of three (docs/plugin.md, "Start-up").</summary>
    private CallOptions Options(CancellationToken cancellationToken) => new(deadline: _time.GetUtcNow().UtcDateTime + CallDeadline, cancellationToken: cancellationToken);
}
