using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Limits;
using VpcCni.Engine.Tests.Ipam.Execution.Support;

namespace VpcCni.Engine.Tests.Ipam.Fakes;

/// <summary>
/// A node in miniature: the engine's <see cref="PoolActionExecutor"/> and <see cref="Ec2EniProvider"/>
/// against the simulator's EC2 and IMDS (so addresses are real subnet addresses and EC2's limits
/// apply), a datastore on a fake clock, and a stand-in only for the host side of ENIs. Each tick
/// advances the clock by 5 s, plans and executes, like the upstream pool loop.
/// </summary>
internal sealed class FakeNodePool : IDisposable, IAsyncDisposable
{
    private readonly List<IpamKey> _pods = [];
    private readonly SimulatedNode _node;
    private int _podSerial;

    private FakeNodePool(PoolTargets targets, PoolLimits limits, FakeTimeProvider time, SimulatedNode node)
    {
        Targets = targets;
        Limits = limits;
        Time = time;
        _node = node;
    }

    public FakeTimeProvider Time { get; }

    public IpamDatastore Datastore => _node.Datastore;

    /// <summary>What the last tick's execution did.</summary>
    public PoolExecutionResult? LastExecution { get; private set; }

    public PoolTargets Targets { get; set; }

    public PoolLimits Limits { get; }

    public bool Schedulable { get; set; } = true;

    public DateTimeOffset? LastDecreaseAt { get; private set; }

    public List<PoolPlan> History { get; } = [];

    /// <summary>When each plan in <see cref="History"/> was made.</summary>
    public List<DateTimeOffset> TickTimes { get; } = [];

    public IpamStats Stats => Datastore.GetStats();

    public int EniCount => Datastore.Snapshot().Enis.Count;

    /// <summary>CIDRs of the current mode per ENI, in device order (secondary IPs or prefixes).</summary>
    public int[] CidrsPerEni => Datastore.Snapshot().Enis.Select(e => e.CidrsOfMode(Targets.PrefixDelegation).Count()).ToArray();

    public int TotalCidrs => CidrsPerEni.Sum();

    public int PodCount => _pods.Count;

    /// <summary>
    /// A node that just booted: the primary ENI with no secondary address yet, on a simulated instance
    /// whose type can hold <paramref name="limits"/>. Synchronous so the planner tests keep their
    /// plain <c>using</c>; the simulator start runs on the thread pool, away from xunit's context.
    /// </summary>
    public static FakeNodePool FreshNode(PoolTargets targets, PoolLimits limits)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var node = Task.Run(() => SimulatedNode.StartAsync(SimulatorTypeFor(limits), targets.PrefixDelegation, time)).GetAwaiter().GetResult();
        return new FakeNodePool(targets, limits, time, node);
    }

    /// <summary>Real limits of an instance type, card 0, with the given max pods.</summary>
    public static PoolLimits LimitsOf(string instanceType, int maxPods, int maxEni = -1) =>
        PoolLimits.ForInstanceType(InstanceTypeCatalog.Embedded.Get(instanceType), 0, maxEni, maxPods);

    public async Task<PoolPlan> TickAsync()
    {
        Time.Advance(WarmPoolPlanner.TickInterval);
        var plan = WarmPoolPlanner.Plan(new PoolPlanInput
        {
            Snapshot = Datastore.Snapshot(),
            Targets = Targets,
            Limits = Limits,
            Now = Time.GetUtcNow(),
            LastDecreaseAt = LastDecreaseAt,
            NodeSchedulable = Schedulable,
        });
        History.Add(plan);
        TickTimes.Add(Time.GetUtcNow());
        LastExecution = await _node.Executor.ExecuteAsync(plan, CancellationToken.None);
        if (LastExecution.Failures is [var failure, ..])
        {
            throw new InvalidOperationException($"{failure.Action} failed: {failure.Error!.Message}", failure.Error);
        }

        if (LastExecution.ReleasedAny)
        {
            LastDecreaseAt = Time.GetUtcNow();
        }

        return plan;
    }

    /// <summary>Ticks until <paramref name="quietTicks"/> ticks in a row change nothing; returns the ticks run.</summary>
    public async Task<int> TickUntilStableAsync(int quietTicks = 30, int maxTicks = 500)
    {
        var quiet = 0;
        for (var tick = 1; tick <= maxTicks; tick++)
        {
            quiet = (await TickAsync()).IsEmpty ? quiet + 1 : 0;
            if (quiet == quietTicks)
            {
                return tick;
            }
        }

        throw new InvalidOperationException($"The pool did not settle within {maxTicks} ticks: {History[^1]}");
    }

    /// <summary>Schedules pods one by one; when no address is free, lets the pool tick and retries (as kubelet does).</summary>
    public async Task AddPodsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var key = new IpamKey("vpc-cni", $"sandbox-{++_podSerial}", "eth0");
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await Datastore.AssignAsync(key, new IpamMetadata("default", $"pod-{_podSerial}"), CancellationToken.None);
                    _pods.Add(key);
                    break;
                }
                catch (VpcCniException ex) when (ex.ErrorId == ErrorIds.Ipam.NoAvailableAddress && attempt < 50)
                {
                    await TickAsync();
                }
            }
        }
    }

    /// <summary>Deletes the most recently added pods.</summary>
    public async Task RemovePodsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Datastore.UnassignAsync(_pods[^1], CancellationToken.None);
            _pods.RemoveAt(_pods.Count - 1);
        }
    }

    public void Dispose() => Task.Run(() => _node.DisposeAsync().AsTask()).GetAwaiter().GetResult();

    public ValueTask DisposeAsync() => _node.DisposeAsync();

    /// <summary>
    /// The smallest single-card Nitro type of the catalogue that holds <paramref name="limits"/>, so
    /// the simulator's own ENI and address limits never bind before the planner's.
    /// </summary>
    private static string SimulatorTypeFor(PoolLimits limits) =>
        InstanceTypeCatalog.Embedded.All
            .Where(t => t.SupportsPrefixDelegation && t.NetworkCards.Count <= 1 && t.EniLimit >= limits.MaxEni && t.Ipv4PerEni - 1 >= limits.MaxCidrsPerEni)
            .OrderBy(t => t.EniLimit).ThenBy(t => t.Ipv4PerEni).ThenBy(t => t.InstanceType, StringComparer.Ordinal)
            .First().InstanceType;
}
