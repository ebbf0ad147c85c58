using System.Diagnostics;

namespace VpcCni.PowerShell.Simulation;

/// <summary>
/// A simulated node started by Start-VpcCniSimulation: <c>vpc-cni-node run --simulate</c> as a child
/// process, with where it answers. Its <see cref="Endpoint"/> and <see cref="MetricsEndpoint"/> bind by
/// property name to the reading cmdlets, so <c>Start-VpcCniSimulation | Get-VpcCniEni</c> reads it.
/// </summary>
public sealed class VpcCniSimulation
{
    /// <summary>Lines kept of each stream: a node that runs for hours logs more than a session needs to hold.</summary>
    private const int KeptLines = 1000;

    /// <summary>The env file's name in <see cref="RunDirectory"/>, as the packaged unit names /etc/vpc-cni/vpc-cni.env.</summary>
    internal const string EnvironmentFileName = "vpc-cni.env";

    internal const string CniConfigFileName = "10-aws.conflist";

    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];

    internal VpcCniSimulation(Process process, string runDirectory, string? scenario, string endpoint, string metricsEndpoint)
    {
        Process = process;
        RunDirectory = runDirectory;
        Scenario = scenario;
        Endpoint = endpoint;
        MetricsEndpoint = metricsEndpoint;
        ProcessId = process.Id;
    }

    /// <summary>The vpc-cni-node process.</summary>
    public int ProcessId { get; }

    /// <summary>The introspection endpoint: a Unix socket in <see cref="RunDirectory"/>, so simulations never collide.</summary>
    public string Endpoint { get; }

    /// <summary>The Prometheus endpoint, on a free loopback port.</summary>
    public string MetricsEndpoint { get; }

    /// <summary>The IPAM socket the CNI plugin would dial (gRPC, docs/service.md "The socket").</summary>
    public string? IpamSocket { get; internal set; }

    /// <summary>The checkpoint file (ipam.json).</summary>
    public string? Checkpoint { get; internal set; }

    /// <summary>The simulator's EC2 endpoint, for the AWS CLI's --endpoint-url or AWS_EC2_ENDPOINT.</summary>
    public string? Ec2Endpoint { get; internal set; }

    /// <summary>The simulated instance's IMDS endpoint, for AWS_EC2_METADATA_SERVICE_ENDPOINT.</summary>
    public string? ImdsEndpoint { get; internal set; }

    /// <summary>The simulated instance.</summary>
    public string? InstanceId { get; internal set; }

    /// <summary>The simulator's control endpoint (faults and delays, docs/simulator.md).</summary>
    public string? ControlEndpoint { get; internal set; }

    /// <summary>
    /// The kubeconfig of the cluster the node reads (Start-VpcCniSimulation -Kubeconfig), or null when it
    /// reads none; Set-VpcCniWarmPool -Cluster and Set-VpcCniConfiguration -Cluster bind to it by property name.
    /// </summary>
    public string? Kubeconfig { get; internal init; }

    /// <summary>The scenario file, or null for the default world.</summary>
    public string? Scenario { get; }

    /// <summary>The env file the node reads and polls every second; Set-VpcCniWarmPool and Set-VpcCniConfiguration bind to it by property name.</summary>
    public string EnvironmentFile => Path.Combine(RunDirectory, EnvironmentFileName);

    /// <summary>
    /// The CNI network configuration list the node renders once it is ready (upstream's file name), in
    /// the run directory rather than /etc/cni/net.d: a runtime or a script hands its plugin stanza to
    /// <c>vpc-cni</c> to wire pods against this node.
    /// </summary>
    public string CniConfigFile => Path.Combine(RunDirectory, CniConfigFileName);

    /// <summary>The temporary directory of the run (sockets, checkpoint, environment file, conflist), removed when it stops.</summary>
    public string RunDirectory { get; }

    /// <summary>True while the process runs.</summary>
    public bool IsRunning
    {
        get
        {
            try
            {
                return !Process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    /// <summary>What the node wrote to stdout so far (the last 1000 lines).</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>What the node wrote to stderr so far (the last 1000 lines).</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    internal Process Process { get; }

    internal void CollectOutput(string? line) => Collect(_output, line);

    internal void CollectError(string? line) => Collect(_errors, line);

    private static void Collect(List<string> lines, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                if (lines.Count == KeptLines)
                {
                    lines.RemoveAt(0);
                }

                lines.Add(line);
            }
        }
    }
}
