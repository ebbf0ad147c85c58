using System.Globalization;
using Microsoft.Extensions.Logging;
using VpcCni.Service.Cni;
using VpcCni.Service.Hosting;
using VpcCni.Service.Node;
using VpcCni.Service.Rpc;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.CommandLine;

/// <summary>
/// <c>--simulate</c>: the EC2/IMDS simulator started in-process before the host is built, so its
/// ports are known when the configuration is assembled, and a per-run directory for the paths that
/// otherwise need root (the IPAM socket, the checkpoint).
/// </summary>
public sealed class SimulateSession : IAsyncDisposable
{
    /// <summary>The credentials given to the AWS SDK; the simulator does not check signatures by default (docs/simulator.md).</summary>
    public const string AccessKeyId = "test";

    private readonly ILoggerFactory _loggerFactory;

    private SimulateSession(SimulatorServer server, Scenario scenario, string runDirectory, ILoggerFactory loggerFactory)
    {
        Server = server;
        Scenario = scenario;
        RunDirectory = runDirectory;
        _loggerFactory = loggerFactory;
    }

    /// <summary>The running simulator.</summary>
    public SimulatorServer Server { get; }

    /// <summary>The world it serves.</summary>
    public Scenario Scenario { get; }

    /// <summary>The per-run directory under the temporary directory, removed at the end of the run.</summary>
    public string RunDirectory { get; }

    /// <summary>Loads the scenario (the default world when <paramref name="scenarioPath"/> is null) and starts the simulator.</summary>
    /// <exception cref="ScenarioException">The scenario file is missing or invalid.</exception>
    public static async Task<SimulateSession> StartAsync(string? scenarioPath, CancellationToken cancellationToken)
    {
        var scenario = scenarioPath is null ? Scenario.Default() : Scenario.Load(scenarioPath);

        // The simulator's own log: warnings and errors only, for as long as it runs.
        var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        SimulatorServer? server = null;
        try
        {
            server = new SimulatorServer(new SimulatorOptions { Scenario = scenario }, loggerFactory);
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            loggerFactory.Dispose();
            throw;
        }

        // A short name under the temp directory keeps the socket path within unix(7)'s 108 bytes.
        return new SimulateSession(server, scenario, Directory.CreateTempSubdirectory("vpc-cni-node-").FullName, loggerFactory);
    }

    /// <summary>
    /// Gives the AWS SDK's default credential chain, which reads the process environment, test
    /// credentials when none are set, and points the SDK's own instance-metadata reads at the
    /// simulator; otherwise the chain would end at the instance role on the real link-local IMDS.
    /// </summary>
    public void ApplySdkEnvironment()
    {
        SetIfUnset("AWS_ACCESS_KEY_ID", AccessKeyId);
        SetIfUnset("AWS_SECRET_ACCESS_KEY", AccessKeyId);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_SERVICE_ENDPOINT", Server.ImdsEndpoint.ToString());
    }

    /// <summary>
    /// Defaults beneath every other source: the socket, the checkpoint and the CNI configuration in
    /// <see cref="RunDirectory"/>, so an explicit <c>IpamSocket:Path</c>, <c>Datastore:CheckpointPath</c> or
    /// <c>CniConfig:Directory</c> still wins.
    /// </summary>
    public IReadOnlyDictionary<string, string?> PathDefaults => new Dictionary<string, string?>
    {
        [$"{IpamSocketOptions.SectionName}:{nameof(IpamSocketOptions.Path)}"] = Path.Combine(RunDirectory, "ipamd.sock"),
        [$"{DatastoreOptions.SectionName}:{nameof(DatastoreOptions.CheckpointPath)}"] = Path.Combine(RunDirectory, "ipam.json"),
        [$"{CniConfigOptions.SectionName}:{nameof(CniConfigOptions.Directory)}"] = RunDirectory,
    };

    /// <summary>
    /// The AWS endpoints, above every other source: the upstream variables and the engine's
    /// <c>Ec2</c> and <c>InstanceMetadata</c> sections (docs/aws.md) all point at the simulator.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Endpoints => new Dictionary<string, string?>
    {
        ["AWS_EC2_ENDPOINT"] = Server.Ec2Endpoint.ToString(),
        ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = Server.ImdsEndpoint.ToString(),
        ["AWS_REGION"] = Scenario.Region,
        ["Ec2:Endpoint"] = Server.Ec2Endpoint.ToString(),
        ["Ec2:Region"] = Scenario.Region,
        ["InstanceMetadata:Endpoint"] = Server.ImdsEndpoint.ToString(),

        // The simulator's ENIs never appear on this machine; its links, routes and rules stay untouched.
        [$"{NodeHostNetworkOptions.SectionName}:{nameof(NodeHostNetworkOptions.Simulated)}"] = "true",
    };

    /// <summary>The lines printed at start: where the simulator listens.</summary>
    public IEnumerable<string> DescribeEndpoints()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"Simulator EC2 endpoint: {Server.Ec2Endpoint}");
        foreach (var (instanceId, endpoint) in Server.Endpoints.ImdsByInstance)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Simulator IMDS endpoint ({instanceId}): {endpoint}");
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"Simulator control endpoint: {Server.ControlEndpoint}");
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync().ConfigureAwait(false);
        _loggerFactory.Dispose();
        try
        {
            Directory.Delete(RunDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Something outside the run still uses it; a temp directory is cleaned by the system eventually.
        }
    }

    private static void SetIfUnset(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
