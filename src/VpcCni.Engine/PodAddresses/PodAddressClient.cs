using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Rpc;

namespace VpcCni.Engine.PodAddresses;

/// <summary>
/// Asks a node's IPAM socket for a pod's address and gives it back, over <c>rpc.CNIBackend</c> as the CNI
/// plugin does on ADD and DEL (docs/service.md, "Services on the socket") but without wiring a network
/// namespace: for rehearsing a node's pool without root. Failures are <see cref="VpcCniException"/>s.
/// </summary>
public sealed class PodAddressClient : IDisposable
{
    /// <summary>The network name upstream's conflist uses, which the node keys its checkpoint by.</summary>
    public const string DefaultNetworkName = "aws-cni";

    /// <summary>The pod-side interface the plugin is given by the runtime.</summary>
    public const string DefaultIfName = "eth0";

    /// <summary>The response trailer the node service puts its error id in (VpcCniExceptionInterceptor).</summary>
    private const string ErrorIdTrailer = "vpc-cni-error-id";

    private static readonly string ClientVersion = "vpc-cni-module/" +
        (typeof(PodAddressClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    private readonly GrpcChannel _channel;
    private readonly CNIBackend.CNIBackendClient _client;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    /// <param name="socketPath">The node's IPAM socket.</param>
    /// <param name="timeout">The deadline of one call; an empty pool makes AddNetwork wait for growth within it.</param>
    /// <param name="timeProvider">For the calls' deadlines; the system clock when null.</param>
    public PodAddressClient(string socketPath, TimeSpan timeout, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        SocketPath = socketPath;
        _timeout = timeout;
        _time = timeProvider ?? TimeProvider.System;
        _channel = UnixSocketChannel.Create(socketPath);
        _client = new CNIBackend.CNIBackendClient(_channel);
    }

    public string SocketPath { get; }

    /// <summary>AddNetwork: the node assigns an address to the pod (the same address again for the same key).</summary>
    public async Task<PodAddress> AddAsync(string podNamespace, string podName, string containerId, CancellationToken cancellationToken)
    {
        var request = new AddNetworkRequest
        {
            K8SPODNAMESPACE = podNamespace,
            K8SPODNAME = podName,
            K8SPODINFRACONTAINERID = containerId,
            ContainerID = containerId,
            IfName = DefaultIfName,
            NetworkName = DefaultNetworkName,
            Netns = string.Empty,
            ClientVersion = ClientVersion,
        };
        var reply = await Call(c => c.AddNetworkAsync(request, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync).ConfigureAwait(false);
        if (!reply.Success || reply.IPAllocationMetadata.Count == 0)
        {
            throw new VpcCniException(VpcCniErrorCategory.LimitExceeded, ErrorIds.Ipam.NoAvailableAddress,
                $"The node at {SocketPath} has no address for {podNamespace}/{podName} yet; its pool is still growing or at its limit.");
        }

        return Result(podNamespace, podName, containerId, reply.IPAllocationMetadata[0]);
    }

    /// <summary>DelNetwork: the node takes the address back (into cooldown); a key it does not know succeeds with no address.</summary>
    public async Task<PodAddress> RemoveAsync(string podNamespace, string podName, string containerId, CancellationToken cancellationToken)
    {
        var request = new DelNetworkRequest
        {
            K8SPODNAMESPACE = podNamespace,
            K8SPODNAME = podName,
            K8SPODINFRACONTAINERID = containerId,
            ContainerID = containerId,
            IfName = DefaultIfName,
            NetworkName = DefaultNetworkName,
            Reason = "PodDeleted",
            ClientVersion = ClientVersion,
        };
        var reply = await Call(c => c.DelNetworkAsync(request, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync).ConfigureAwait(false);
        return Result(podNamespace, podName, containerId, reply.IPAllocationMetadata.FirstOrDefault());
    }

    public void Dispose() => _channel.Dispose();

    private PodAddress Result(string podNamespace, string podName, string containerId, IPAllocationMetadata? allocation) => new()
    {
        PodNamespace = podNamespace,
        PodName = podName,
        ContainerId = containerId,
        IfName = DefaultIfName,
        NetworkName = DefaultNetworkName,
        Address = allocation is null || string.IsNullOrEmpty(allocation.IPv4Addr) ? null : IPAddress.Parse(allocation.IPv4Addr),
        DeviceNumber = allocation?.DeviceNumber ?? 0,
        RouteTableId = allocation?.RouteTableId ?? 0,
        IpamSocket = SocketPath,
    };

    private async Task<T> Call<T>(Func<CNIBackend.CNIBackendClient, Task<T>> call)
    {
        try
        {
            return await call(_client).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            throw Translate(ex);
        }
    }

    private VpcCniException Translate(RpcException ex)
    {
        if (ex.Trailers.GetValue(ErrorIdTrailer) is { Length: > 0 } id)
        {
            return new VpcCniException(VpcCniErrorCategory.Conflict, id, $"The node at {SocketPath} refused the call: {ex.Status.Detail}", ex);
        }

        return ex.StatusCode == StatusCode.Unavailable && ex.Status.DebugException is HttpRequestException { InnerException: SocketException } or null
            ? new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.PodAddress.IpamUnreachable,
                $"Nothing answers on the IPAM socket {SocketPath} ({ex.Status.Detail}). Is vpc-cni-node running there?", ex)
            : new VpcCniException(ex.StatusCode == StatusCode.DeadlineExceeded ? VpcCniErrorCategory.Timeout : VpcCniErrorCategory.ResourceUnavailable,
                ErrorIds.PodAddress.CallFailed, $"The call on {SocketPath} failed ({ex.StatusCode}): {ex.Status.Detail}", ex);
    }

    private DateTime Deadline() => _time.GetUtcNow().UtcDateTime + _timeout;
}
