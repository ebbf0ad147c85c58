using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Simulator.Control;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Engine.Tests.Aws.Support;

/// <summary>
/// The simulator on loopback plus the production adapters pointed at it: <see cref="SdkEc2Api"/>
/// over a real <c>AmazonEC2Client</c> built by <see cref="Ec2ClientFactory"/>, and
/// <see cref="ImdsInstanceMetadata"/> on the simulator's IMDS.
/// </summary>
public sealed class SimulatedAws : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private readonly List<IDisposable> _owned = [];

    private SimulatedAws(SimulatorServer sim) => Sim = sim;

    public SimulatorServer Sim { get; }

    public string InstanceId => Sim.World.DefaultInstanceId;

    public static async Task<SimulatedAws> StartAsync(Action<Scenario>? configure = null)
    {
        var scenario = Scenario.Default();
        configure?.Invoke(scenario);
        var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, CancellationToken.None);
        return new SimulatedAws(sim);
    }

    /// <summary>An EC2 adapter whose SDK client retries <paramref name="maxErrorRetry"/> times.</summary>
    public SdkEc2Api Ec2(int maxErrorRetry = 2, string? endpoint = null, ILogger<SdkEc2Api>? logger = null, AWSCredentials? credentials = null)
    {
        var options = new Ec2ClientOptions
        {
            Endpoint = endpoint ?? Sim.Ec2Endpoint.ToString(),
            Region = "us-west-2",
            MaxErrorRetry = maxErrorRetry,
        };
        var client = Ec2ClientFactory.CreateClient(options, options.Region, credentials ?? new BasicAWSCredentials("test", "test"));
        _owned.Add(client);
        return new SdkEc2Api(client, logger ?? NullLogger<SdkEc2Api>.Instance);
    }

    public ImdsInstanceMetadata Imds()
    {
        var options = new InstanceMetadataOptions { Endpoint = Sim.ImdsEndpoint.ToString(), InitialBackoffMilliseconds = 10 };
        var imds = new ImdsInstanceMetadata(_http, Options.Create(options), TimeProvider.System, NullLogger<ImdsInstanceMetadata>.Instance);
        _owned.Add(imds);
        return imds;
    }

    /// <summary>The simulator's log of EC2 requests for one action.</summary>
    public IReadOnlyList<SimRequestRecord> Requests(string action) =>
        [.. Sim.RequestLog.Snapshot().Where(r => r.Action == action)];

    /// <summary>The id of the default subnet in the given zone.</summary>
    public string SubnetIn(string zone) => Sim.World.Inspect(w => w.Subnets.First(s => s.AvailabilityZone == zone).Id);

    public string DefaultSecurityGroup => Sim.World.Inspect(w => w.SecurityGroups[0].Id);

    /// <summary>Polls until <paramref name="condition"/> holds (IMDS and attach delays are real time).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            var value = await read();
            if (condition(value) || Environment.TickCount64 > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _http.Dispose();
        await Sim.DisposeAsync();
    }
}
