using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Simulator.Dataplane;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;
using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Tests.Support;

/// <summary>A simulator on loopback and an unmodified AmazonEC2Client pointed at it (docs/simulator.md, "Pointing clients at it").</summary>
public sealed class SimHarness : IAsyncDisposable
{
    private SimHarness(SimulatorServer server, AmazonEC2Client ec2)
    {
        Server = server;
        Ec2 = ec2;
    }

    public SimulatorServer Server { get; }

    public AmazonEC2Client Ec2 { get; }

    public SimWorld World => Server.World;

    public string InstanceId => World.DefaultInstanceId;

    public string SubnetA => World.Inspect(w => w.Subnets[0].Id);

    public static async Task<SimHarness> StartAsync(Action<Scenario>? tweak = null, TimeProvider? time = null, int maxErrorRetry = 0, IDataplaneHook? hook = null)
    {
        var scenario = Scenario.Default();
        scenario.Throttling.Enabled = false;
        tweak?.Invoke(scenario);
        var server = await SimulatorServer.StartAsync(
            new SimulatorOptions { Scenario = scenario, TimeProvider = time ?? TimeProvider.System, DataplaneHook = hook },
            CancellationToken.None);
        return new SimHarness(server, CreateClient(server, maxErrorRetry));
    }

    public static AmazonEC2Client CreateClient(SimulatorServer server, int maxErrorRetry = 0) =>
        new(new BasicAWSCredentials("test", "test"), new AmazonEC2Config
        {
            ServiceURL = server.Ec2Endpoint.ToString().TrimEnd('/'),
            AuthenticationRegion = "us-west-2",
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = maxErrorRetry,
        });

    public static FakeTimeProvider FakeTime() => new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public async Task<NetworkInterface> CreateEniAsync(int secondaries = 0, string? subnetId = null, string description = "aws-K8S-test")
    {
        var response = await Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = subnetId ?? SubnetA,
            SecondaryPrivateIpAddressCount = secondaries,
            Description = description,
        });
        return response.NetworkInterface;
    }

    public async Task<string> AttachAsync(string eniId, int deviceIndex)
    {
        var response = await Ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest
        {
            NetworkInterfaceId = eniId,
            InstanceId = InstanceId,
            DeviceIndex = deviceIndex,
        });
        return response.AttachmentId;
    }

    public async Task<NetworkInterface> DescribeEniAsync(string eniId) =>
        (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [eniId] })).NetworkInterfaces.Single();

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        await Server.DisposeAsync();
    }
}
