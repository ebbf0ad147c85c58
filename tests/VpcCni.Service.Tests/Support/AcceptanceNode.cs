using System.Globalization;
using System.Net;
using System.Text.Json;
using Grpc.Net.Client;
using VpcCni.Engine.Rpc;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Support;

/// <summary>
/// One fresh node for the acceptance suites: its own simulator world with one instance of a chosen
/// type, and the built <c>vpc-cni-node</c> run against it (<see cref="NodeProcess.StartAgainst"/>)
/// with every wait shortened, introspection on a Unix socket, and the pool loop's idle ticks logged so
/// a test can tell that ticks went by without change. EC2's view (the simulator) is the truth the
/// tests compare the service against.
/// </summary>
internal sealed class AcceptanceNode : IAsyncDisposable
{
    /// <summary>Idle pool ticks a steady state must survive: longer than every shortened wait below.</summary>
    public const int HoldTicks = 15;

    private const string IdleTick = "Pool tick, nothing to do";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly HashSet<string> _live = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private AcceptanceNode(SimulatorServer sim, TempDirectory directory, NodeProcess process, bool prefixDelegation)
    {
        Sim = sim;
        Directory = directory;
        Process = process;
        PrefixDelegation = prefixDelegation;
        Channel = UnixSocketChannel.Create(ServiceHarness.SocketPathIn(directory));
        Cni = new CNIBackend.CNIBackendClient(Channel);
        Introspection = UnixSocketHttp.Create(IntrospectionSocket(directory));
        InstanceId = sim.World.Inspect(w => w.DefaultInstanceId);
    }

    public SimulatorServer Sim { get; }

    public TempDirectory Directory { get; }

    public NodeProcess Process { get; }

    public GrpcChannel Channel { get; }

    public CNIBackend.CNIBackendClient Cni { get; }

    public HttpClient Introspection { get; }

    public string InstanceId { get; }

    public bool PrefixDelegation { get; }

    public string CheckpointPath => Path.Combine(Directory.Path, "ipam.json");

    /// <summary>The pods this test added and has not deleted.</summary>
    public int LivePods
    {
        get
        {
            lock (_gate)
            {
                return _live.Count;
            }
        }
    }

    /// <summary>The counts of the pool-changing EC2 actions so far.</summary>
    public Ec2Calls Calls => Ec2Calls.From(Sim);

    /// <summary>Secondary /32s (or, with prefix delegation, /28 prefixes) of each ENI attached to the instance, by device index, as EC2 has them.</summary>
    public int[] CidrsPerEni => Sim.World.Inspect(w => w.NetworkInterfaces.Values
        .Where(e => e.Attachment is { Status: "attached" } a && a.InstanceId == InstanceId)
        .OrderBy(e => e.Attachment!.DeviceIndex)
        .Select(e => PrefixDelegation ? e.Ipv4Prefixes.Count : e.SecondaryIps.Count)
        .ToArray());

    /// <summary>Addresses the node's ENIs can give pods, as EC2 has them (a /28 counts 16).</summary>
    public int AddressesInEc2 => CidrsPerEni.Sum() * (PrefixDelegation ? 16 : 1);

    /// <summary>Pool ticks that found nothing to do since the service started.</summary>
    public int IdleTicks => CountOf(Process.Stdout, IdleTick) + CountOf(Process.Stderr, IdleTick);

    /// <summary>
    /// Starts a simulator whose one instance is an <paramref name="instanceType"/>, lets <paramref name="arrange"/>
    /// shape its world and the node's directory (a checkpoint left by another daemon), then starts the service
    /// with <paramref name="settings"/> (upstream variable names work) and waits for its socket.
    /// </summary>
    public static async Task<AcceptanceNode> StartAsync(
        string instanceType,
        IDictionary<string, string> settings,
        Func<SimulatorServer, TempDirectory, Task>? arrange = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var scenario = Scenario.Default();
        scenario.Instances[0].InstanceType = instanceType;
        var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, CancellationToken.None);
        var directory = new TempDirectory();
        NodeProcess? process = null;
        try
        {
            if (arrange is not null)
            {
                await arrange(sim, directory);
            }

            var environment = new Dictionary<string, string>
            {
                // Every wait of the pool shortened, so a steady state shows within seconds (docs/ipam.md "One tick").
                ["NodeLoop__DecreaseInterval"] = "00:00:00.500",
                ["NodeLoop__MinimumEniLifetime"] = "00:00:01",
                ["NodeReconcile__Interval"] = "00:00:01",
                ["IP_COOLDOWN_PERIOD"] = "1",
                ["DISABLE_INTROSPECTION"] = "false",
                ["INTROSPECTION_BIND_ADDRESS"] = "unix:" + IntrospectionSocket(directory),
                ["Logging__LogLevel__VpcCni.Service.Node.WarmPoolLoop"] = "Debug",
            };
            foreach (var (name, value) in settings)
            {
                environment[name] = value;
            }

            process = NodeProcess.StartAgainst(sim, directory, environment);
            await process.WaitForLineAsync("IPAM socket:", Patience);
            var prefixes = settings.TryGetValue("ENABLE_PREFIX_DELEGATION", out var pd) && bool.Parse(pd);
            return new AcceptanceNode(sim, directory, process, prefixes);
        }
        catch
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }

            directory.Dispose();
            await sim.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Settings for <see cref="StartAsync"/>: the Node's pod capacity, the mode, and upstream variables
    /// (<c>WARM_IP_TARGET</c>, …); a negative value leaves a variable unset.
    /// </summary>
    public static Dictionary<string, string> Settings(int maxPods, bool prefixDelegation, params (string Name, int Value)[] variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var settings = new Dictionary<string, string>
        {
            ["NodeLoop__MaxPods"] = maxPods.ToString(CultureInfo.InvariantCulture),
            ["ENABLE_PREFIX_DELEGATION"] = prefixDelegation ? "true" : "false",
        };
        foreach (var (name, value) in variables.Where(v => v.Value >= 0))
        {
            settings[name] = value.ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }

    /// <summary>AddNetwork for <paramref name="pod"/> until the pool has an address for it, as the kubelet retries a failed ADD.</summary>
    public async Task<IPAddress> AddPodAsync(string pod, CancellationToken cancellationToken = default) =>
        IPAddress.Parse((await AddPodWithReplyAsync(pod, cancellationToken)).IPv4Addr);

    /// <summary>As <see cref="AddPodAsync"/>, with the address's device number and route table.</summary>
    public async Task<IPAllocationMetadata> AddPodWithReplyAsync(string pod, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var reply = await Cni.AddNetworkAsync(ServiceHarness.AddRequest(pod), cancellationToken: cancellationToken);
            if (reply.Success)
            {
                lock (_gate)
                {
                    _live.Add(pod);
                }

                return reply.IPAllocationMetadata.Single();
            }

            Assert.True(DateTime.UtcNow < deadline, $"the pool never had an address for {pod}; EC2 calls {Calls}");
            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>DelNetwork for <paramref name="pod"/>; returns the address it released, or null when it held none.</summary>
    public async Task<IPAddress?> DeletePodAsync(string pod, CancellationToken cancellationToken = default)
    {
        var reply = await Cni.DelNetworkAsync(ServiceHarness.DelRequest(pod), cancellationToken: cancellationToken);
        Assert.True(reply.Success, $"DelNetwork for {pod} failed");
        lock (_gate)
        {
            _live.Remove(pod);
        }

        return reply.IPAllocationMetadata.Count == 0 ? null : IPAddress.Parse(reply.IPAllocationMetadata[0].IPv4Addr);
    }

    /// <summary>
    /// Waits until EC2 shows <paramref name="cidrsPerEni"/>, then until <see cref="HoldTicks"/> more pool ticks
    /// have found nothing to do while it stays so; then the EC2 calls must be exactly <paramref name="calls"/>
    /// (when given) and the service's datastore must agree with EC2 and with the live pods.
    /// </summary>
    public async Task SettlesAtAsync(int[] cidrsPerEni, Ec2Calls? calls, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!CidrsPerEni.SequenceEqual(cidrsPerEni))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what}: expected [{string.Join(", ", cidrsPerEni)}], EC2 holds [{string.Join(", ", CidrsPerEni)}]; calls {Calls}");
            await Task.Delay(20);
        }

        Assert.True(await HoldsAsync(cidrsPerEni, deadline, HoldTicks), $"{what}: left [{string.Join(", ", cidrsPerEni)}] for [{string.Join(", ", CidrsPerEni)}]; calls {Calls}");
        if (calls is not null)
        {
            Assert.Equal(calls, Calls);
        }

        var (total, assigned) = await DatastoreTotalsAsync();
        Assert.Equal((AddressesInEc2, LivePods), (total, assigned));
    }

    /// <summary>
    /// Waits until the pool holds still, whatever its shape, and returns it: twice <see cref="HoldTicks"/> idle ticks, so that
    /// addresses released just before have cooled and a surplus they leave has been given back.
    /// </summary>
    public async Task<int[]> SettleAsync(string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        var cidrs = CidrsPerEni;
        while (!await HoldsAsync(cidrs, deadline, 2 * HoldTicks))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what}: the pool never held still; EC2 holds [{string.Join(", ", CidrsPerEni)}]; calls {Calls}");
            cidrs = CidrsPerEni;
        }

        return cidrs;
    }

    /// <summary>TotalIPs and AssignedIPs of network card 0 from the introspection view <c>/v1/enis</c>.</summary>
    public async Task<(int Total, int Assigned)> DatastoreTotalsAsync()
    {
        using var document = JsonDocument.Parse(await Introspection.GetStringAsync(new Uri("http://localhost/v1/enis")));
        var card = document.RootElement.GetProperty("0");
        return (card.GetProperty("TotalIPs").GetInt32(), card.GetProperty("AssignedIPs").GetInt32());
    }

    public async ValueTask DisposeAsync()
    {
        Introspection.Dispose();
        Channel.Dispose();
        await Process.DisposeAsync();
        Directory.Dispose();
        await Sim.DisposeAsync();
    }

    /// <summary>True when <paramref name="ticks"/> idle pool ticks pass with EC2 holding <paramref name="cidrsPerEni"/> throughout.</summary>
    private async Task<bool> HoldsAsync(int[] cidrsPerEni, DateTime deadline, int ticks)
    {
        var idle = IdleTicks;
        while (IdleTicks < idle + ticks)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the pool loop did not go idle; calls {Calls}");
            if (!cidrsPerEni.SequenceEqual(CidrsPerEni))
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    private static string IntrospectionSocket(TempDirectory directory) => Path.Combine(directory.Path, "introspect.sock");

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
