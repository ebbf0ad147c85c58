using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Diagnostics.Checks;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Simulator.Hosting;

namespace VpcCni.Service.Tests.Diagnostics;

/// <summary>A check context over the simulator's EC2 and IMDS through the production clients, with test credentials (the simulator checks no signature here).</summary>
internal sealed class SimulatedCheckContext : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly IDisposable _ec2Client;

    public SimulatedCheckContext(SimulatorServer sim, NodeCheckOptions? options = null)
    {
        var (api, client) = NodeHarness.Ec2(sim);
        _ec2Client = client;
        var imds = new ImdsInstanceMetadata(_http, Options.Create(new InstanceMetadataOptions { Endpoint = sim.ImdsEndpoint.ToString(), InitialBackoffMilliseconds = 10 }),
            TimeProvider.System, NullLogger<ImdsInstanceMetadata>.Instance);
        Context = new NodeCheckContext((options ?? new NodeCheckOptions()) with { ImdsEndpoint = sim.ImdsEndpoint.ToString() }, imds, _ => Task.FromResult<IEc2Api>(api));
    }

    public NodeCheckContext Context { get; }

    public Task<NodeCheckResult> RunAsync(INodeCheck check) => NodeCheckRunner.RunOneAsync(Context, check, CancellationToken.None);

    public void Dispose()
    {
        Context.Dispose();
        _ec2Client.Dispose();
        _http.Dispose();
    }
}
