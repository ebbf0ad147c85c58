using System.Net.Sockets;
using System.Text.Json.Nodes;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Introspection;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Plugin.Tests.Support;

/// <summary>
/// A throwaway node for the root lane: a simulator world with one m5.4xlarge, the real
/// <c>vpc-cni-node</c> process serving its IPAM socket and introspection (on a Unix socket) from a
/// temp directory with the host network recorded, and a throwaway "node" namespace where the plugin
/// puts its host-side objects. Pods are throwaway namespaces too; nothing touches the machine's own.
/// </summary>
public sealed class PluginNode : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private int _pods;
    private SimulatorServer? _sim;
    private NodeProcess? _empty;

    public TempDirectory Directory { get; } = new();

    public ThrowawayNamespaces Namespaces { get; } = new();

    public string NodeNamespace { get; private set; } = string.Empty;

    public NodeProcess? Service { get; private set; }

    public string IpamSocket => NodeProcess.SocketPathIn(Directory);

    public string IntrospectionSocket => Directory.File("introspect.sock");

    public string CheckpointPath => Directory.File("ipam.json");

    public string LogFile => Directory.File("plugin.log");

    /// <summary>
    /// The socket of a second service whose pool never fills (no pool loop, so AddNetwork answers
    /// Success=false at once), started on first use.
    /// </summary>
    public async Task<string> EmptyServiceSocketAsync()
    {
        if (_empty is null)
        {
            var directory = Directory.File("empty");
            System.IO.Directory.CreateDirectory(directory);
            _empty = NodeProcess.Start(["run"], new Dictionary<string, string>
            {
                ["IpamSocket__Path"] = Path.Combine(directory, "ipamd.sock"),
                ["Datastore__CheckpointPath"] = Path.Combine(directory, "ipam.json"),
                ["HostNetwork__Simulated"] = "true",
            });
            await _empty.WaitForLineAsync("IPAM socket:");
        }

        return Path.Combine(Directory.File("empty"), "ipamd.sock");
    }

    public PluginHost Host => new(Namespaces.NetNs, NodeNamespace, TimeProvider.System);

    public async Task InitializeAsync()
    {
        if (!RootFactAttribute.IsCi && !RootFactAttribute.IsRoot)
        {
            return; // Every test here is a root-lane test and is skipped.
        }

        NodeNamespace = Namespaces.Create("node");
        using (var node = Namespaces.Open(NodeNamespace))
        {
            node.SetUp(node.FindLinkByName("lo")!.Index);
        }

        await StartServiceAsync();
    }

    /// <summary>Starts (or restarts, with the same checkpoint and world) the service, with <paramref name="extra"/> settings.</summary>
    public async Task StartServiceAsync(IDictionary<string, string>? extra = null)
    {
        if (_sim is null)
        {
            var scenario = Scenario.Default();
            scenario.Instances[0].InstanceType = "m5.4xlarge";
            _sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, CancellationToken.None);
        }

        var environment = new Dictionary<string, string>
        {
            ["DISABLE_INTROSPECTION"] = "false",
            ["INTROSPECTION_BIND_ADDRESS"] = "unix:" + IntrospectionSocket,
            ["WARM_IP_TARGET"] = "8",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        // A killed service leaves its introspection socket file behind and, unlike the IPAM socket's,
        // does not remove it at the next start (reported to the service's owner).
        File.Delete(IntrospectionSocket);
        Service = NodeProcess.StartAgainst(_sim, Directory, environment);
        await Service.WaitForLineAsync("IPAM socket:");
    }

    /// <summary>Stops the service with SIGKILL (a crash: its socket file stays, nobody answers).</summary>
    public async Task StopServiceAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
            Service = null;
        }
    }

    /// <summary>A fresh pod namespace and a unique pod name.</summary>
    public (string Netns, string PodName, string ContainerId) NewPod(string role = "pod")
    {
        int n;
        lock (_gate)
        {
            n = ++_pods;
        }

        return (Namespaces.Create($"{role}{n}"), $"{role}-{n}", $"c{Guid.NewGuid():N}");
    }

    public JsonObject Conf(string version = "1.1.0") => NetConfJson.Base(IpamSocket, LogFile, version);

    public Task<PluginOutcome> RunAsync(IReadOnlyDictionary<string, string> environment, string stdin) => PluginRunner.RunAsync(Host, environment, stdin);

    /// <summary>The service's allocations (<c>/v1/pods</c>).</summary>
    public Task<IReadOnlyList<NodePodAllocation>> AllocationsAsync() => new IntrospectionClient("unix:" + IntrospectionSocket).GetPodsAsync(CancellationToken.None);

    /// <summary>Links, rules and main-table routes of the node namespace, as text, for before/after comparisons.</summary>
    public (string[] Links, string[] Rules, string[] Routes) NodeState()
    {
        using var node = Namespaces.Open(NodeNamespace);
        return (
            [.. node.ListLinks().Select(l => l.Name).Order(StringComparer.Ordinal)],
            [.. node.ListRules(AddressFamily.InterNetwork).Select(r => r.ToString()).Order(StringComparer.Ordinal)],
            [.. node.ListRoutes(AddressFamily.InterNetwork, RouteEntry.MainTable).Select(r => r.ToString()).Order(StringComparer.Ordinal)]);
    }

    public async Task DisposeAsync()
    {
        await StopServiceAsync();
        if (_empty is not null)
        {
            await _empty.DisposeAsync();
        }

        if (_sim is not null)
        {
            await _sim.DisposeAsync();
        }

        Namespaces.Dispose();
        Directory.Dispose();
    }
}
