using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Hosting;

namespace VpcCni.Service.Tests.Support;

/// <summary>
/// The real node-service host on a socket in a temporary directory, with the real IPAM datastore
/// checkpointing into the same directory, and a gRPC channel over the socket.
/// </summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    public const string NetworkName = "aws-cni";

    private ServiceHarness(TempDirectory directory, WebApplication app, string socketPath, string checkpointPath)
    {
        Directory = directory;
        App = app;
        SocketPath = socketPath;
        CheckpointPath = checkpointPath;
        Channel = UnixSocketChannel.Create(socketPath);
    }

    public TempDirectory Directory { get; }

    public WebApplication App { get; }

    public string SocketPath { get; }

    public string CheckpointPath { get; }

    public GrpcChannel Channel { get; }

    public IpamDatastore Datastore => App.Services.GetRequiredService<IpamDatastore>();

    public CNIBackend.CNIBackendClient Cni => new(Channel);

    /// <summary>The default socket location inside <paramref name="directory"/>: a sub-directory the service must create.</summary>
    public static string SocketPathIn(TempDirectory directory) => NodeProcess.SocketPathIn(directory);

    /// <summary>Starts the host. <paramref name="seed"/> fills the datastore before the socket opens.</summary>
    public static async Task<ServiceHarness> StartAsync(
        Action<IpamDatastore>? seed = null,
        IDictionary<string, string?>? settings = null,
        TempDirectory? directory = null)
    {
        directory ??= new TempDirectory();
        var socketPath = SocketPathIn(directory);
        var checkpointPath = Path.Combine(directory.Path, "ipam.json");
        var configuration = new Dictionary<string, string?>
        {
            ["IpamSocket:Path"] = socketPath,
            ["Datastore:CheckpointPath"] = checkpointPath,
            ["NodeLoop:Enabled"] = "false",

            // Fixed ports would collide between parallel hosts; HttpListeners gives free ones to tests that need them.
            ["DISABLE_INTROSPECTION"] = "true",
            ["DISABLE_METRICS"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = NodeServiceHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = NodeServiceHost.Build(builder);
        try
        {
            seed?.Invoke(app.Services.GetRequiredService<IpamDatastore>());
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ServiceHarness(directory, app, socketPath, checkpointPath);
    }

    /// <summary>A primary ENI (device 0, main table) and a secondary one (device 1, table 2), each with <paramref name="perEni"/> /32s.</summary>
    public static void SeedTwoEnis(IpamDatastore datastore, int perEni)
    {
        datastore.AddEni(new EniDescriptor { Id = "eni-primary", DeviceNumber = 0, IsPrimary = true, RouteTableId = 254 });
        datastore.AddEni(new EniDescriptor { Id = "eni-second", DeviceNumber = 1, RouteTableId = 2 });
        for (var i = 0; i < perEni; i++)
        {
            datastore.AddCidr("eni-primary", new IPNetwork(IPAddress.Parse($"10.0.{1 + (i / 200)}.{10 + (i % 200)}"), 32));
            datastore.AddCidr("eni-second", new IPNetwork(IPAddress.Parse($"10.0.{101 + (i / 200)}.{10 + (i % 200)}"), 32));
        }
    }

    /// <summary>Only the secondary ENI, with the given CIDRs: every address comes from device 1, table 2.</summary>
    public static void SeedSecondaryEni(IpamDatastore datastore, params string[] addresses)
    {
        datastore.AddEni(new EniDescriptor { Id = "eni-second", DeviceNumber = 1, RouteTableId = 2 });
        foreach (var address in addresses)
        {
            datastore.AddCidr("eni-second", IPNetwork.Parse(address));
        }
    }

    public static AddNetworkRequest AddRequest(string containerId, string ifName = "eth0") => new()
    {
        K8SPODNAME = $"pod-{containerId}",
        K8SPODNAMESPACE = "default",
        K8SPODINFRACONTAINERID = containerId,
        Netns = $"/var/run/netns/cni-{containerId}",
        IfName = ifName,
        NetworkName = NetworkName,
        ContainerID = containerId,
        ClientVersion = "v1.23.0",
    };

    public static DelNetworkRequest DelRequest(string containerId, string ifName = "eth0") => new()
    {
        K8SPODNAME = $"pod-{containerId}",
        K8SPODNAMESPACE = "default",
        K8SPODINFRACONTAINERID = containerId,
        IfName = ifName,
        NetworkName = NetworkName,
        ContainerID = containerId,
        ClientVersion = "v1.23.0",
        Reason = "PodDeleted",
    };

    /// <summary>
    /// AddNetwork until the pool has an address, as the kubelet retries an ADD answered <c>Success=false</c>
    /// (empty pool) while the pool grows; fails the test after <paramref name="timeout"/> (20 s by default).
    /// </summary>
    public static async Task<AddNetworkReply> AddWhenReadyAsync(CNIBackend.CNIBackendClient client, string containerId, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var reply = await client.AddNetworkAsync(AddRequest(containerId));
            if (reply.Success)
            {
                return reply;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{containerId} never got an address: the pool stayed empty");
            await Task.Delay(50);
        }
    }

    /// <summary>Runs <paramref name="call"/> and returns the RpcException it must throw.</summary>
    public static async Task<RpcException> FailsAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Dispose();
    }
}
