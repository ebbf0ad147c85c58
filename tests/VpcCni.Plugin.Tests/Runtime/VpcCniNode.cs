using System.Text.Json;
using VpcCni.Engine.Rpc;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>
/// A whole node in throwaway namespaces: a "node" network namespace in which the simulator answers
/// EC2 and instance metadata (its dataplane hook puts a link with each attached ENI's MAC there), the
/// real <c>vpc-cni-node</c> process programs the real host network (no <c>HostNetwork:Simulated</c>),
/// and libcni runs <c>vpc-cni</c> chained with portmap. Pods are further throwaway namespaces.
/// Introspection listens on a Unix socket in the test's directory, reachable from any namespace.
/// </summary>
public sealed class VpcCniNode : IAsyncDisposable
{
    private const string IntrospectionSocketName = "introspection.sock";

    private readonly HttpClient _introspection;

    private VpcCniNode(ThrowawayNamespaces namespaces, TempDirectory directory, string nodeNamespace, SimulatorServer simulator, NodeProcess service, CniNetwork network, string introspectionSocket)
    {
        Namespaces = namespaces;
        Directory = directory;
        NodeNamespace = nodeNamespace;
        Simulator = simulator;
        Service = service;
        Network = network;
        _introspection = new HttpClient(UnixSocketChannel.CreateHttpHandler(introspectionSocket), disposeHandler: true) { BaseAddress = new Uri("http://localhost/") };
    }

    public ThrowawayNamespaces Namespaces { get; }

    public TempDirectory Directory { get; }

    public string NodeNamespace { get; }

    public SimulatorServer Simulator { get; }

    public NodeProcess Service { get; }

    public CniNetwork Network { get; }

    /// <summary>
    /// The plugin under test: <c>VPCCNI_TEST_PLUGIN</c> when set, else the Native AOT binary
    /// <c>build.ps1 -Task Publish</c> put in out/bin, else the apphost the test project's reference to the plugin builds.
    /// </summary>
    public static string PluginExecutable
    {
        get
        {
            if (Environment.GetEnvironmentVariable("VPCCNI_TEST_PLUGIN") is { Length: > 0 } chosen)
            {
                return chosen;
            }

            var published = Path.Combine(RepositoryFiles.Root, "out", "bin", "vpc-cni");
            return File.Exists(published) ? published : Path.Combine(AppContext.BaseDirectory, "vpc-cni");
        }
    }

    /// <summary>
    /// Starts a node of <paramref name="instanceType"/> and waits until its pool holds at least
    /// <paramref name="warmAddresses"/> free addresses. <paramref name="environment"/> adds service variables.
    /// </summary>
    public static async Task<VpcCniNode> StartAsync(string instanceType = "m5.large", int warmAddresses = 2, IDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var namespaces = new ThrowawayNamespaces();
        var directory = new TempDirectory();
        SimulatorServer? simulator = null;
        NodeProcess? service = null;
        try
        {
            var node = namespaces.Create("node");
            await RuntimeNodeSetup.PrepareAsync(node);
            var scenario = Scenario.FromJson($$"""
                {
                  "vpc": { "cidrBlocks": ["10.0.0.0/16"] },
                  "subnets": [ { "availabilityZone": "us-west-2a", "cidrBlock": "10.0.0.0/19" } ],
                  "instances": [ { "instanceType": "{{instanceType}}", "availabilityZone": "us-west-2a", "netns": "{{node}}" } ]
                }
                """);
            simulator = await NamespacedSimulator.StartAsync(namespaces.NetNs, node, scenario, cancellationToken);
            var introspection = directory.File(IntrospectionSocketName);
            var variables = new Dictionary<string, string>
            {
                ["HostNetwork__Simulated"] = "false",
                ["DISABLE_INTROSPECTION"] = "false",
                ["INTROSPECTION_BIND_ADDRESS"] = "unix:" + introspection,
            };
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                variables[name] = value;
            }

            service = NodeProcess.StartAgainst(simulator, directory, variables, netns: node);
            await service.WaitForLineAsync("IPAM socket: ", TimeSpan.FromSeconds(60));
            var network = await CniNetwork.CreateAsync(node, directory.File("cni"), Conflist(directory), new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["vpc-cni"] = PluginExecutable,
                ["portmap"] = Path.Combine(RuntimeTools.ReferencePlugins, "portmap"),
            }, cancellationToken);
            var started = new VpcCniNode(namespaces, directory, node, simulator, service, network, introspection);
            await started.WaitForFreeAddressesAsync(warmAddresses, cancellationToken);
            return started;
        }
        catch
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }

            if (simulator is not null)
            {
                await simulator.DisposeAsync();
            }

            directory.Dispose();
            namespaces.Dispose();
            throw;
        }
    }

    /// <summary>The conflist as the node service renders it (list <c>aws-cni</c>, <c>vpc-cni</c> chained with portmap), its paths in <paramref name="directory"/>.</summary>
    public static string Conflist(TempDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return $$"""
            {
              "cniVersion": "1.0.0",
              "name": "aws-cni",
              "disableCheck": false,
              "plugins": [
                { "name": "aws-cni", "type": "vpc-cni", "vethPrefix": "eni", "mtu": "9001", "podSGEnforcingMode": "strict",
                  "pluginLogFile": "{{directory.File("plugin.log")}}", "pluginLogLevel": "DEBUG",
                  "ipamSocket": "{{NodeProcess.SocketPathIn(directory)}}", "networkPolicySocket": "{{directory.File("npa.sock")}}",
                  "introspectionAddress": "unix:{{directory.File(IntrospectionSocketName)}}",
                  "capabilities": { "io.kubernetes.cri.pod-annotations": true } },
                { "type": "portmap", "capabilities": { "portMappings": true }, "snat": true }
              ]
            }
            """;
    }

    /// <summary><c>/v1/pods</c>: container id → the pod's IPv4 address.</summary>
    public async Task<Dictionary<string, string>> PodsAsync(CancellationToken cancellationToken = default)
    {
        using var document = JsonDocument.Parse(await _introspection.GetStringAsync(new Uri("/v1/pods", UriKind.Relative), cancellationToken));
        return document.RootElement.EnumerateArray().ToDictionary(
            p => p.GetProperty("ContainerID").GetString()!, p => p.GetProperty("IPv4Addr").GetString()!, StringComparer.Ordinal);
    }

    /// <summary><c>/v1/enis</c> of card 0: (total, assigned) addresses and the ENI count.</summary>
    public async Task<(int Total, int Assigned, int Enis)> PoolAsync(CancellationToken cancellationToken = default)
    {
        using var document = JsonDocument.Parse(await _introspection.GetStringAsync(new Uri("/v1/enis", UriKind.Relative), cancellationToken));
        var card = document.RootElement.GetProperty("0");
        return (card.GetProperty("TotalIPs").GetInt32(), card.GetProperty("AssignedIPs").GetInt32(), card.GetProperty("ENIs").EnumerateObject().Count());
    }

    /// <summary>The plugin's own log (pluginLogFile), for failure messages.</summary>
    public string PluginLog => File.Exists(Directory.File("plugin.log")) ? File.ReadAllText(Directory.File("plugin.log")) : "(no plugin log)";

    /// <summary>Waits until the pool has <paramref name="count"/> addresses no pod holds.</summary>
    public async Task WaitForFreeAddressesAsync(int count, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var pool = (Total: 0, Assigned: 0, Enis: 0);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                pool = await PoolAsync(cancellationToken);
                if (pool.Total - pool.Assigned >= count)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Introspection binds a moment after the IPAM socket.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The pool never had {count} free addresses ({pool}).\nservice stderr:\n{Service.Stderr}");
    }

    public async ValueTask DisposeAsync()
    {
        _introspection.Dispose();
        await Service.DisposeAsync();
        await Simulator.DisposeAsync();
        Directory.Dispose();
        Namespaces.Dispose();
    }
}
