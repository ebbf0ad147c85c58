using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Diagnostics.Checks;
using VpcCni.Plugin.Tests.Runtime;

namespace VpcCni.Plugin.Tests.Diagnostics;

/// <summary>
/// The checks pointed at a <see cref="VpcCniNode"/>: kernel reads in its node namespace
/// (<c>-NetworkNamespace</c>), introspection on its Unix socket, and instance metadata from the
/// simulator inside that namespace (a socket opened there, then used from here).
/// </summary>
internal sealed class NamespacedCheckContext : IDisposable
{
    private readonly HttpClient _http;

    public NamespacedCheckContext(VpcCniNode node)
    {
        var netNs = node.Namespaces.NetNs;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = (context, _) =>
            {
                var socket = netNs.Run(node.NodeNamespace, () =>
                {
                    var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    s.Connect(context.DnsEndPoint.Host, context.DnsEndPoint.Port);
                    return s;
                });
                return ValueTask.FromResult<Stream>(new NetworkStream(socket, ownsSocket: true));
            },
        });
        var imdsEndpoint = node.Simulator.ImdsEndpoint.ToString();
        var imds = new ImdsInstanceMetadata(_http, Options.Create(new InstanceMetadataOptions { Endpoint = imdsEndpoint }), TimeProvider.System, NullLogger<ImdsInstanceMetadata>.Instance);
        var options = new NodeCheckOptions
        {
            IntrospectionEndpoint = "unix:" + node.Directory.File("introspection.sock"),
            ImdsEndpoint = imdsEndpoint,
            CheckpointPath = node.Directory.File("ipam.json"),
            NetworkNamespace = node.NodeNamespace,
        };
        Context = new NodeCheckContext(options, imds, _ => throw new InvalidOperationException("the kernel checks do not call EC2"), netNs);
    }

    public NodeCheckContext Context { get; }

    /// <summary>Runs <paramref name="check"/> in a fresh context, so nothing read by an earlier run is reused.</summary>
    public static async Task<NodeCheckResult> RunAsync(VpcCniNode node, INodeCheck check)
    {
        using var checks = new NamespacedCheckContext(node);
        return await NodeCheckRunner.RunOneAsync(checks.Context, check, CancellationToken.None);
    }

    public void Dispose()
    {
        Context.Dispose();
        _http.Dispose();
    }
}
