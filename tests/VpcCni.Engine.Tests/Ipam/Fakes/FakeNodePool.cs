using System.Net;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Limits;

namespace VpcCni.Engine.Tests.Ipam.Fakes;

/// <summary>
/// A node in miniature: a datastore, a fake clock and a stand-in for EC2 that carries out plan
/// actions (handing out fresh /32s and aligned /28s, creating ENIs with the next device number).
/// Each tick advances the clock by 5 s, plans and applies, like the upstream pool loop.
/// </summary>
internal sealed class FakeNodePool : IDisposable
{
    private readonly List<IpamKey> _pods = [];
    private uint _nextSecondary = AddressOf("10.1.0.1");
    private uint _nextPrefix = AddressOf("10.2.0.0");
    private int _nextDevice = 1;
    private int _podSerial;

    private FakeNodePool(PoolTargets targets, PoolLimits limits)
    {
        Targets = targets;
        Limits = limits;
        Datastore = new IpamDatastore(Store, Time, new IpamDatastoreSettings { PrefixDelegation = targets.PrefixDelegation });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public InMemoryCheckpointStore Store { get; } = new();

    public IpamDatastore Datastore { get; }

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

    /// <summary>A node that just booted: the primary ENI with no secondary address yet.</summary>
    public static FakeNodePool FreshNode(PoolTargets targets, PoolLimits limits)
    {
        var pool = new FakeNodePool(targets, limits);
        pool.Datastore.AddEni(new EniDescriptor { Id = "eni-primary", DeviceNumber = 0, IsPrimary = true, RouteTableId = 254 });
        return pool;
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
        foreach (var action in plan.Actions)
        {
            await ApplyAsync(action);
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
                catch (VpcCniException ex) when (ex.ErrorId == IpamErrorIds.NoAvailableAddress && attempt < 50)
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

    public void Dispose() => Datastore.Dispose();

    private async Task ApplyAsync(PoolAction action)
    {
        switch (action)
        {
            case AssignAddressesAction a:
                AddSecondaries(a.EniId, a.Count);
                break;
            case AssignPrefixesAction p:
                AddPrefixes(p.EniId, p.Count);
                break;
            case CreateEniAction c:
                var device = _nextDevice++;
                var id = $"eni-{device}";
                Datastore.AddEni(new EniDescriptor { Id = id, DeviceNumber = device, RouteTableId = device + 1 });
                AddSecondaries(id, c.AddressCount);
                AddPrefixes(id, c.PrefixCount);
                break;
            case ReleaseCidrsAction r:
                foreach (var cidr in r.Cidrs)
                {
                    await Datastore.RemoveCidrAsync(r.EniId, cidr, force: false, CancellationToken.None);
                }

                LastDecreaseAt = Time.GetUtcNow();
                break;
            case FreeEniAction f:
                await Datastore.RemoveEniAsync(f.EniId, force: false, CancellationToken.None);
                break;
            default:
                throw new InvalidOperationException($"Unknown action {action}");
        }
    }

    private void AddSecondaries(string eniId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Datastore.AddCidr(eniId, new IPNetwork(AddressAt(_nextSecondary++), 32));
        }
    }

    private void AddPrefixes(string eniId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Datastore.AddCidr(eniId, new IPNetwork(AddressAt(_nextPrefix), 28));
            _nextPrefix += 16;
        }
    }

    private static uint AddressOf(string address)
    {
        var bytes = IPAddress.Parse(address).GetAddressBytes();
        return (uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3];
    }

    private static IPAddress AddressAt(uint value) =>
        new([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
}
