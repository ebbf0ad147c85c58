using VpcCni.Engine.Limits;
using VpcCni.Simulator.Dataplane;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.World;

/// <summary>
/// The simulated AWS account in one region: VPC, subnets, security groups, instances and ENIs.
/// Thread-safe behind one lock: every EC2 request runs under it, so Describe never sees a
/// half-applied change (docs/simulator.md). Tests read it through <see cref="Inspect{T}"/>.
/// </summary>
public sealed partial class SimWorld : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IDataplaneHook? _dataplane;
    private readonly HashSet<SimNetworkInterface> _pending = [];
    private ITimer? _wake;
    private readonly List<string> _dataplaneErrors = [];

    internal SimWorld(Scenario scenario, TimeProvider time, IDataplaneHook? dataplane)
    {
        Time = time;
        _dataplane = dataplane;
        Scenario = scenario;
        Ids = new SimIds(scenario.Seed);
        SimWorldBuilder.Populate(this, scenario);
    }

    public string Region => Scenario.Region;

    public string AccountId => Scenario.AccountId;

    /// <summary>The first instance of the scenario (the "node" most tests drive).</summary>
    public string DefaultInstanceId => Instances.Keys.First();

    public SortedDictionary<string, SimVpc> Vpcs { get; } = new(StringComparer.Ordinal);

    /// <summary>Subnets in scenario order.</summary>
    public List<SimSubnet> Subnets { get; } = [];

    public List<SimSecurityGroup> SecurityGroups { get; } = [];

    /// <summary>Instances in scenario order (the first is the default instance).</summary>
    public Dictionary<string, SimInstance> Instances { get; } = new(StringComparer.Ordinal);

    /// <summary>ENIs by id; sorted so pagination order is stable.</summary>
    public SortedDictionary<string, SimNetworkInterface> NetworkInterfaces { get; } = new(StringComparer.Ordinal);

    /// <summary>Failures of the dataplane hook (the hook never fails an EC2 call).</summary>
    public IReadOnlyList<string> DataplaneErrors
    {
        get
        {
            lock (_gate)
            {
                return [.. _dataplaneErrors];
            }
        }
    }

    internal Scenario Scenario { get; private set; }

    internal TimeProvider Time { get; }

    internal SimIds Ids { get; private set; }

    /// <summary>The engine's catalog plus the scenario's <c>instanceTypes</c> (what DescribeInstanceTypes serves).</summary>
    internal InstanceTypeCatalog InstanceTypes { get; set; } = InstanceTypeCatalog.Embedded;

    internal DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Runs a read under the world lock, after due transitions were applied.</summary>
    public T Inspect<T>(Func<SimWorld, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Execute(() => read(this));
    }

    public SimSubnet Subnet(string id) => Subnets.First(s => s.Id == id);

    public SimSecurityGroup? SecurityGroup(string id) => SecurityGroups.Find(g => g.Id == id);

    /// <summary>Runs an action under the lock; pending transitions are applied before and after it, dataplane changes after the lock is released.</summary>
    internal T Execute<T>(Func<T> action)
    {
        var changes = new List<DataplaneChange>();
        T result;
        lock (_gate)
        {
            Advance(changes);
            try
            {
                result = action();
            }
            finally
            {
                Advance(changes);
            }
        }

        ApplyDataplane(changes);
        return result;
    }

    /// <summary>Rebuilds the world from a scenario (ids repeat, because the generator is re-seeded).</summary>
    internal void Reset(Scenario scenario)
    {
        var changes = new List<DataplaneChange>();
        lock (_gate)
        {
            foreach (var eni in NetworkInterfaces.Values)
            {
                if (eni.Attachment is { } a && Instances.TryGetValue(a.InstanceId, out var i) && i.NetworkNamespace is { } ns)
                {
                    changes.Add(new DataplaneChange(ns, LinkName(eni), null));
                }
            }

            DisposeTimers();
            _pending.Clear();
            Vpcs.Clear();
            Subnets.Clear();
            SecurityGroups.Clear();
            Instances.Clear();
            NetworkInterfaces.Clear();
            Scenario = scenario;
            Ids = new SimIds(scenario.Seed);
            SimWorldBuilder.Populate(this, scenario);
        }

        ApplyDataplane(changes);
    }

    /// <summary>Creates the links of ENIs attached from the start (primary ENIs) in their namespaces.</summary>
    internal void MirrorInitialAttachments()
    {
        var changes = new List<DataplaneChange>();
        lock (_gate)
        {
            foreach (var eni in NetworkInterfaces.Values)
            {
                if (eni.Attachment is { Status: "attached" } a && Instances[a.InstanceId].NetworkNamespace is { } ns)
                {
                    changes.Add(new DataplaneChange(ns, LinkName(eni), eni.MacAddress));
                }
            }
        }

        ApplyDataplane(changes);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            DisposeTimers();
        }
    }

    /// <summary>Link name in the namespace: "sim" + the last 12 hex digits of the ENI id (IFNAMSIZ is 16 with the NUL).</summary>
    internal static string LinkName(SimNetworkInterface eni) => "sim" + eni.Id[^12..];

    internal void Track(SimNetworkInterface eni, DateTimeOffset due)
    {
        _pending.Add(eni);
        ArmWake();
    }

    /// <summary>
    /// One timer, set to the earliest pending transition, makes transitions (and their dataplane
    /// changes) happen even when no request arrives; reads apply due transitions anyway.
    /// </summary>
    private void ArmWake()
    {
        var next = _pending.Where(e => e.Attachment is not null).Select(e => e.Attachment!.DueAt).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        if (next == DateTimeOffset.MaxValue)
        {
            _wake?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var delay = next - Now;
        if (delay < TimeSpan.FromMilliseconds(1))
        {
            delay = TimeSpan.FromMilliseconds(1);
        }

        _wake ??= Time.CreateTimer(_ => Execute(() => 0), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _wake.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private void Advance(List<DataplaneChange> changes)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var now = Now;
        foreach (var eni in _pending.ToList())
        {
            if (eni.Attachment is not { } attachment || !NetworkInterfaces.ContainsKey(eni.Id))
            {
                _pending.Remove(eni);
                continue;
            }

            if (attachment.DueAt > now)
            {
                continue;
            }

            _pending.Remove(eni);
            var netns = Instances.TryGetValue(attachment.InstanceId, out var instance) ? instance.NetworkNamespace : null;
            if (attachment.Status == "attaching")
            {
                attachment.Status = "attached";
                if (netns is not null)
                {
                    changes.Add(new DataplaneChange(netns, LinkName(eni), eni.MacAddress));
                }
            }
            else if (attachment.Status == "detaching")
            {
                eni.Attachment = null;
                if (netns is not null)
                {
                    changes.Add(new DataplaneChange(netns, LinkName(eni), null));
                }
            }
        }

        ArmWake();
    }

    private void ApplyDataplane(List<DataplaneChange> changes)
    {
        if (_dataplane is null || changes.Count == 0)
        {
            return;
        }

        foreach (var change in changes)
        {
            try
            {
                if (change.MacAddress is { } mac)
                {
                    _dataplane.LinkAttached(change.Netns, change.LinkName, mac);
                }
                else
                {
                    _dataplane.LinkDetached(change.Netns, change.LinkName);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                lock (_gate)
                {
                    _dataplaneErrors.Add($"{change.Netns}/{change.LinkName}: {ex.Message}");
                }
            }
        }
    }

    private void DisposeTimers()
    {
        _wake?.Dispose();
        _wake = null;
    }
}
