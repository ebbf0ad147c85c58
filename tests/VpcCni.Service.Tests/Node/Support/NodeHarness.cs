using Amazon.EC2;
using Amazon.Runtime;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Hosting;
using VpcCni.Service.Node;
using VpcCni.Service.Tests.Node.Fakes;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;

namespace VpcCni.Service.Tests.Node.Support;

/// <summary>
/// The real node-service host with node initialisation and the pool loop on, against an in-process
/// simulator through the production EC2 (AWSSDK) and IMDS clients, with its socket and checkpoint in
/// a temporary directory and fast timers. Only the host network (ENIs, node rules, SNAT, pod rules) is a stand-in.
/// </summary>
internal sealed class NodeHarness : IAsyncDisposable
{
    /// <summary>The pool tick of these tests: fast, so steady states come within a second or two.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private NodeHarness(WebApplication app, RecordingEniHostSetup host, RecordingNodeHostNetwork hostNetwork, string socketPath)
    {
        App = app;
        Host = host;
        HostNetwork = hostNetwork;
        Channel = UnixSocketChannel.Create(socketPath);
    }

    public WebApplication App { get; }

    public RecordingEniHostSetup Host { get; }

    /// <summary>The node-wide host network and the restored pods' rules, recorded.</summary>
    public RecordingNodeHostNetwork HostNetwork { get; }

    public GrpcChannel Channel { get; }

    public CNIBackend.CNIBackendClient Cni => new(Channel);

    public IpamDatastore Datastore => App.Services.GetRequiredService<IpamDatastore>();

    public NodeReadiness Readiness => App.Services.GetRequiredService<NodeReadiness>();

    /// <summary>Secondary /32s or /28 prefixes of the current mode per ENI, by device number.</summary>
    public int[] CidrsPerEni
    {
        get
        {
            var snapshot = Datastore.Snapshot();
            return [.. snapshot.Enis.Select(e => e.CidrsOfMode(snapshot.PrefixDelegation).Count())];
        }
    }

    /// <summary>
    /// Starts the host in <paramref name="directory"/> against <paramref name="sim"/>; <paramref name="settings"/> adds configuration
    /// (upstream variable names work); <paramref name="hostNetworkFailure"/> makes the node-wide host setup fail with it.
    /// </summary>
    public static async Task<NodeHarness> StartAsync(SimulatorServer sim, TempDirectory directory, IDictionary<string, string?>? settings = null, Exception? hostNetworkFailure = null)
    {
        var socketPath = ServiceHarness.SocketPathIn(directory);
        var configuration = new Dictionary<string, string?>
        {
            ["IpamSocket:Path"] = socketPath,
            ["Datastore:CheckpointPath"] = Path.Combine(directory.Path, "ipam.json"),
            ["NodeLoop:Interval"] = Tick.ToString(),
            ["InstanceMetadata:Endpoint"] = sim.ImdsEndpoint.ToString(),
            ["InstanceMetadata:InitialBackoffMilliseconds"] = "10",
            ["Ec2:Endpoint"] = sim.Ec2Endpoint.ToString(),
            ["Ec2:Region"] = "us-west-2",
            ["Ec2:MaxErrorRetry"] = "0",
            ["EniProvider:MetadataPollInterval"] = "00:00:00.010",
            ["EniProvider:DeleteRetryInterval"] = "00:00:00.010",

            // Hosts run side by side; the fixed introspection and metrics ports would collide.
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
        var host = new RecordingEniHostSetup();
        builder.Services.AddSingleton<IEniHostSetup>(host);
        var hostNetwork = new RecordingNodeHostNetwork(host, hostNetworkFailure);
        builder.Services.AddSingleton<INodeHostNetwork>(hostNetwork);
        builder.Services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("test", "test"));
        var app = NodeServiceHost.Build(builder);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new NodeHarness(app, host, hostNetwork, socketPath);
    }

    /// <summary>An EC2 client of the test's own on the simulator, for arranging the world and reading it back.</summary>
    public static (SdkEc2Api Api, IAmazonEC2 Client) Ec2(SimulatorServer sim)
    {
        var options = new Ec2ClientOptions { Endpoint = sim.Ec2Endpoint.ToString(), Region = "us-west-2", MaxErrorRetry = 0 };
        var client = Ec2ClientFactory.CreateClient(options, "us-west-2", new BasicAWSCredentials("test", "test"));
        return (new SdkEc2Api(client, Microsoft.Extensions.Logging.Abstractions.NullLogger<SdkEc2Api>.Instance), client);
    }

    /// <summary>How many requests of <paramref name="action"/> the simulator has answered.</summary>
    public static int Requests(SimulatorServer sim, string action) => sim.RequestLog.Snapshot().Count(r => r.Action == action);

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test after <paramref name="timeoutSeconds"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(20);
        }
    }

    /// <summary>Lets <paramref name="ticks"/> pool ticks pass.</summary>
    public static Task TicksAsync(int ticks) => Task.Delay(Tick * ticks);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
