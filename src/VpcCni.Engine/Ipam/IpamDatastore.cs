using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Checkpoint;

namespace VpcCni.Engine.Ipam;

/// <summary>
/// The address pool of one network card: its ENIs, their /32 secondary IPs and /28 prefixes, and
/// which pod holds which address (upstream <c>pkg/ipamd/datastore/data_store.go</c> <c>DataStore</c>).
/// Writers are serialized by one async-friendly lock; every change of an assignment is written to
/// the checkpoint before the call returns, and rolled back if that write fails. Readers never take
/// the lock: they get the last published immutable snapshot. ENIs are walked in device-number
/// order, so choices are deterministic.
/// </summary>
public sealed partial class IpamDatastore : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, EniEntry> _enis = new(StringComparer.Ordinal);
    private readonly Dictionary<IpamKey, (EniEntry Eni, CidrEntry Cidr, AddressEntry Address)> _byKey = [];
    private readonly ICheckpointStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _forceRemoved;
    private long _forceRemovedEnis;
    private IReadOnlyList<CheckpointAllocation> _kept = [];

    public IpamDatastore(ICheckpointStore store, TimeProvider time, IpamDatastoreSettings? settings = null, ILogger<IpamDatastore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
        Settings = settings ?? new IpamDatastoreSettings();
        if (Settings.CooldownPeriod < TimeSpan.Zero)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Ipam.InvalidCooldownPeriod,
                $"The IP cooldown period {Settings.CooldownPeriod} is negative; it must be 0 or more.");
        }

        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _published = new Publication(SnapshotUnsafe(time.GetUtcNow()), new Dictionary<IpamKey, IpAssignment>());
    }

    /// <summary>The settings in force; <see cref="SetCooldownPeriod"/> replaces the cooldown while the datastore runs.</summary>
    public IpamDatastoreSettings Settings { get; private set; }

    public int NetworkCard => Settings.NetworkCard;

    /// <summary>Starts tracking an attached ENI. Throws <c>Ipam.DuplicateEni</c> when it is already tracked.</summary>
    public void AddEni(EniDescriptor eni)
    {
        ArgumentNullException.ThrowIfNull(eni);
        if (string.IsNullOrWhiteSpace(eni.Id) || eni.DeviceNumber < 0)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Ipam.InvalidEni,
                $"ENI '{eni.Id}' with device number {eni.DeviceNumber} is invalid: the id must be non-empty and the device number 0 or more.");
        }

        using var _ = Enter();
        if (!_enis.TryAdd(eni.Id, new EniEntry(eni, _time.GetUtcNow())))
        {
            throw new VpcCniException(VpcCniErrorCategory.AlreadyExists, ErrorIds.Ipam.DuplicateEni, $"ENI '{eni.Id}' is already in the datastore.");
        }

        PublishUnsafe();
        IpamLog.EniAdded(_logger, eni.Id, eni.DeviceNumber, NetworkCard);
    }

    /// <summary>
    /// Applies a new release cooldown (upstream <c>IP_COOLDOWN_PERIOD</c>, reloaded live). Addresses already
    /// cooling count from their release with the new period, as upstream's datastore compares each
    /// unassign time with the period it reads at the moment it looks.
    /// </summary>
    public void SetCooldownPeriod(TimeSpan period)
    {
        if (period < TimeSpan.Zero)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Ipam.InvalidCooldownPeriod,
                $"The IP cooldown period {period} is negative; it must be 0 or more.");
        }

        using var _ = Enter();
        if (Settings.CooldownPeriod == period)
        {
            return;
        }

        Settings = Settings with { CooldownPeriod = period };
        PublishUnsafe();
    }

    /// <summary>Marks an ENI as excluded (or no longer excluded) from pod addresses (its subnet is tagged <c>kubernetes.io/role/cni=0</c>).</summary>
    public void SetExcludedForPodIps(string eniId, bool excluded)
    {
        using var _ = Enter();
        var eni = GetEni(eniId);
        eni.Descriptor = eni.Descriptor with { IsExcludedForPodIps = excluded };
        PublishUnsafe();
    }

    /// <summary>
    /// Adds a /32 secondary IP or a /28 prefix to an ENI. Other IPv4 prefix lengths and IPv6 are refused
    /// with <c>Ipam.InvalidCidr</c>; adding a CIDR already present throws <c>Ipam.DuplicateCidr</c>.
    /// </summary>
    public void AddCidr(string eniId, IPNetwork cidr)
    {
        if (cidr.BaseAddress.AddressFamily != AddressFamily.InterNetwork || cidr.PrefixLength is not (28 or 32))
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Ipam.InvalidCidr,
                $"CIDR '{cidr}' cannot be added: only IPv4 /32 secondary addresses and /28 prefixes are accepted.");
        }

        using var _ = Enter();
        var eni = GetEni(eniId);
        if (_enis.Values.Any(e => e.Cidrs.Any(c => c.Network.Contains(cidr.BaseAddress) || cidr.Contains(c.Network.BaseAddress))))
        {
            throw new VpcCniException(VpcCniErrorCategory.AlreadyExists, ErrorIds.Ipam.DuplicateCidr,
                $"CIDR '{cidr}' overlaps a CIDR already in the datastore.");
        }

        eni.AddCidr(new CidrEntry(cidr));
        PublishUnsafe();
    }

    /// <summary>
    /// Removes a CIDR. Without <paramref name="force"/> a CIDR holding an assigned address is refused
    /// (<c>Ipam.CidrInUse</c>). Forced removal (the address is gone from EC2) evicts its pods, counts them
    /// as force-removed and rewrites the checkpoint; it returns the evicted assignments.
    /// </summary>
    public async Task<IReadOnlyList<AddressSnapshot>> RemoveCidrAsync(string eniId, IPNetwork cidr, bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var eni = GetEni(eniId);
            var entry = eni.FindCidr(cidr) ?? throw new VpcCniException(VpcCniErrorCategory.NotFound, ErrorIds.Ipam.UnknownCidr,
                $"CIDR '{cidr}' is not on ENI '{eniId}'.");
            if (!force && entry.AssignedCount > 0)
            {
                throw new VpcCniException(VpcCniErrorCategory.Conflict, ErrorIds.Ipam.CidrInUse,
                    $"CIDR '{cidr}' on ENI '{eniId}' has {entry.AssignedCount} assigned addresses; remove it with force only when EC2 no longer has it.");
            }

            eni.RemoveCidr(entry);
            var evicted = Evict(eni, [entry]);
            await PersistEvictionAsync(evicted, cancellationToken).ConfigureAwait(false);
            return evicted;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Stops tracking an ENI. Without <paramref name="force"/> an ENI with an assigned address is
    /// refused (<c>Ipam.EniInUse</c>); forced removal (the ENI was detached) evicts its pods.
    /// </summary>
    public async Task<IReadOnlyList<AddressSnapshot>> RemoveEniAsync(string eniId, bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var eni = GetEni(eniId);
            var assigned = eni.Cidrs.Sum(c => c.AssignedCount);
            if (!force && assigned > 0)
            {
                throw new VpcCniException(VpcCniErrorCategory.Conflict, ErrorIds.Ipam.EniInUse,
                    $"ENI '{eniId}' has {assigned} assigned addresses; remove it with force only when it is detached.");
            }

            _enis.Remove(eniId);
            var evicted = Evict(eni, eni.Cidrs);
            if (evicted.Count > 0)
            {
                // Upstream counts an ENI as force-removed only when pods still held addresses on it
                // (pkg/ipamd/datastore/data_store.go, RemoveENIFromDataStore).
                Interlocked.Increment(ref _forceRemovedEnis);
            }

            IpamLog.EniRemoved(_logger, eniId, NetworkCard);
            await PersistEvictionAsync(evicted, cancellationToken).ConfigureAwait(false);
            return evicted;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Removes the first ENI (in device order) that <see cref="EniDeletability"/> allows and returns
    /// its id, or null when none may go. The removed ENI holds no pods, so nothing is checkpointed.
    /// </summary>
    public string? RemoveUnusedEni(DeletabilityTargets targets)
    {
        using var _ = Enter();
        var now = _time.GetUtcNow();
        var verdict = EniDeletability.FindDeletable(SnapshotUnsafe(now), targets, now);
        if (verdict is null)
        {
            return null;
        }

        _enis.Remove(verdict.EniId);
        PublishUnsafe();
        IpamLog.EniRemoved(_logger, verdict.EniId, NetworkCard);
        return verdict.EniId;
    }

    public void Dispose() => _gate.Dispose();

    private DatastoreSnapshot SnapshotUnsafe(DateTimeOffset now) => new()
    {
        NetworkCard = NetworkCard,
        TakenAt = now,
        CooldownPeriod = Settings.CooldownPeriod,
        PrefixDelegation = Settings.PrefixDelegation,
        ForceRemovedAddresses = Interlocked.Read(ref _forceRemoved),
        ForceRemovedEnis = Interlocked.Read(ref _forceRemovedEnis),
        Enis = OrderedEnis().Select(e => e.ToSnapshot(now, Settings.CooldownPeriod)).ToArray(),
    };

    private IEnumerable<EniEntry> OrderedEnis() =>
        _enis.Values.OrderBy(e => e.Descriptor.DeviceNumber).ThenBy(e => e.Id, StringComparer.Ordinal);

    private EniEntry GetEni(string eniId) =>
        _enis.TryGetValue(eniId, out var eni)
            ? eni
            : throw new VpcCniException(VpcCniErrorCategory.NotFound, ErrorIds.Ipam.UnknownEni, $"ENI '{eniId}' is not in the datastore of card {NetworkCard}.");

    private List<AddressSnapshot> Evict(EniEntry eni, IEnumerable<CidrEntry> cidrs)
    {
        var now = _time.GetUtcNow();
        var evicted = new List<AddressSnapshot>();
        foreach (var cidr in cidrs)
        {
            var assigned = cidr.Tracked.Where(a => a.IsAssigned).ToArray();
            foreach (var address in assigned)
            {
                evicted.Add(address.ToSnapshot(now, Settings.CooldownPeriod));
                _byKey.Remove(address.Key);
            }

            if (assigned.Length > 0)
            {
                Interlocked.Add(ref _forceRemoved, assigned.Length);
                IpamLog.ForceRemoved(_logger, cidr.Network, eni.Id, assigned.Length);
            }
        }

        return evicted;
    }

    private async Task PersistEvictionAsync(List<AddressSnapshot> evicted, CancellationToken cancellationToken)
    {
        try
        {
            if (evicted.Count > 0)
            {
                await WriteCheckpointAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // The addresses are gone from EC2, so memory keeps (and readers see) the removal even if
            // the write fails; the next successful write brings the file up to date (docs/ipam.md).
            PublishUnsafe();
        }
    }

    private Releaser Enter()
    {
        _gate.Wait();
        return new Releaser(_gate);
    }

    private readonly struct Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
