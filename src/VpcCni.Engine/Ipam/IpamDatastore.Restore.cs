using System.Net;
using System.Net.Sockets;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Checkpoint;
using VpcCni.Engine.Networking;

namespace VpcCni.Engine.Ipam;

/// <summary>Rebuilding assignments from the checkpoint after a restart (upstream <c>pkg/ipamd/datastore/data_store.go</c> <c>ReadBackingStore</c>).</summary>
public sealed partial class IpamDatastore
{
    /// <summary>
    /// Reads the checkpoint and marks each allocation assigned again, with its original timestamp, in
    /// whichever CIDR of a known ENI contains its address (either mode, so pods survive a PD toggle).
    /// Run it after the ENIs and CIDRs are added. A missing file is a fresh node; a file of another
    /// version throws <c>Checkpoint.VersionMismatch</c>. As upstream does, allocations refused by
    /// <paramref name="validator"/> (the pod is gone) or outside every CIDR (the address left this node)
    /// are dropped. Allocations the datastore cannot place (IPv6, unparsable, keyless, duplicates) are
    /// kept and written back unchanged on every rewrite; if such an entry names an address this
    /// datastore would hand out, the restore refuses with <c>Checkpoint.UnsupportedAllocation</c> and
    /// changes nothing.
    /// </summary>
    public async Task<RestoreReport> RestoreAsync(CheckpointAllocationValidator? validator, CancellationToken cancellationToken)
    {
        var checkpoint = await _store.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (checkpoint is null)
        {
            return new RestoreReport { FreshNode = true };
        }

        if (!string.Equals(checkpoint.Version, IpamCheckpoint.CurrentVersion, StringComparison.Ordinal))
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.Checkpoint.VersionMismatch,
                $"The checkpoint has version '{checkpoint.Version}'; only '{IpamCheckpoint.CurrentVersion}' can be restored.");
        }

        var candidates = new List<CheckpointAllocation>();
        var dropped = new List<DroppedAllocation>();
        foreach (var allocation in checkpoint.Allocations)
        {
            // The validator may touch the kernel; call it before taking the lock.
            if (validator is not null && !await validator(allocation, cancellationToken).ConfigureAwait(false))
            {
                dropped.Add(new DroppedAllocation(allocation, DropReason.RejectedByValidator));
            }
            else
            {
                candidates.Add(allocation);
            }
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var plan = PlanRestoreUnsafe(candidates);
            dropped.AddRange(plan.Dropped);
            RefuseUnaccountedAddressesUnsafe(plan);
            foreach (var (allocation, eni, cidr, ip) in plan.Placements)
            {
                var address = cidr.Track(AddressMath.OffsetOf(cidr.Network, ip));
                address.Key = allocation.Key;
                address.Metadata = allocation.Metadata.ToIpamMetadata();
                address.AssignedAt = CheckpointAllocation.FromUnixNanoseconds(allocation.AllocationTimestamp);
                address.AssignedAtUnixNanoseconds = allocation.AllocationTimestamp;
                address.UnassignedAt = null;
                _byKey[allocation.Key] = (eni, cidr, address);
            }

            _kept = plan.Kept.Select(k => k.Allocation).ToArray();
            foreach (var drop in dropped)
            {
                CheckpointLog.RestoreDropped(_logger, drop.Allocation.Ipv4 ?? drop.Allocation.Ipv6 ?? "(none)", drop.Allocation.Key, drop.Reason);
            }

            foreach (var keep in plan.Kept)
            {
                CheckpointLog.RestoreKept(_logger, keep.Allocation.Ipv4 ?? keep.Allocation.Ipv6 ?? "(none)", keep.Allocation.Key, keep.Reason);
            }

            CheckpointLog.Restored(_logger, plan.Placements.Count, dropped.Count, plan.KeptWithAddress.Count);
            try
            {
                await WriteCheckpointAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Restored assignments came from the file; readers see them even if the rewrite failed.
                PublishUnsafe();
            }

            return new RestoreReport
            {
                Restored = plan.Placements.Select(p => p.Allocation).ToArray(),
                Dropped = dropped,
                Kept = plan.Kept,
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Decides, without changing anything, where each allocation goes.</summary>
    private RestorePlan PlanRestoreUnsafe(IEnumerable<CheckpointAllocation> allocations)
    {
        var plan = new RestorePlan();
        var claimedKeys = new HashSet<IpamKey>(_byKey.Keys);
        var claimedAddresses = new HashSet<IPAddress>();
        foreach (var allocation in allocations)
        {
            var ip = ParseCanonicalIpv4(allocation.Ipv4);
            if (ip is null || !string.IsNullOrEmpty(allocation.Ipv6))
            {
                plan.Keep(allocation, KeepReason.UnsupportedAddress, ip);
                continue;
            }

            if (allocation.Key.IsEmpty)
            {
                plan.Keep(allocation, KeepReason.EmptyKey, ip);
                continue;
            }

            var match = OrderedEnis().Select(e => (Eni: e, Cidr: e.FindContaining(ip))).FirstOrDefault(m => m.Cidr is not null);
            if (match.Cidr is null)
            {
                plan.Dropped.Add(new DroppedAllocation(allocation, DropReason.NoContainingCidr));
            }
            else if (claimedKeys.Contains(allocation.Key) || claimedAddresses.Contains(ip) || match.Cidr.Get(ip) is { IsAssigned: true })
            {
                plan.Keep(allocation, KeepReason.Duplicate, ip);
            }
            else
            {
                claimedKeys.Add(allocation.Key);
                claimedAddresses.Add(ip);
                plan.Placements.Add((allocation, match.Eni, match.Cidr, ip));
            }
        }

        plan.ClaimedAddresses = claimedAddresses;
        return plan;
    }

    /// <summary>
    /// A kept entry naming a free address of ours would let a pod get an address the file says is
    /// taken, which breaks a roll-back to upstream (it refuses duplicate addresses). Refuse instead.
    /// </summary>
    private void RefuseUnaccountedAddressesUnsafe(RestorePlan plan)
    {
        var unaccounted = plan.KeptWithAddress
            .Where(k => k.Address is { } ip && !plan.ClaimedAddresses.Contains(ip)
                && _enis.Values.Any(e => e.FindContaining(ip) is { } c && c.Get(ip) is not { IsAssigned: true }))
            .Select(k => $"{k.Kept.Allocation.Key} ({k.Kept.Allocation.Ipv4}, {k.Kept.Reason})")
            .ToArray();
        if (unaccounted.Length > 0)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.Checkpoint.UnsupportedAllocation,
                $"The checkpoint of network card {NetworkCard} holds entries this datastore cannot restore for addresses it would hand out: {string.Join(", ", unaccounted)}. Nothing was restored and the file is unchanged.");
        }
    }

    /// <summary>Only the dotted-quad form Go's <c>net.ParseIP</c> accepts for IPv4 (no "10.1", no leading zeros).</summary>
    private static IPAddress? ParseCanonicalIpv4(string? text) =>
        text is not null && IPAddress.TryParse(text, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork
            && string.Equals(ip.ToString(), text, StringComparison.Ordinal)
            ? ip
            : null;

    private sealed class RestorePlan
    {
        public List<(CheckpointAllocation Allocation, EniEntry Eni, CidrEntry Cidr, IPAddress Ip)> Placements { get; } = [];

        public List<DroppedAllocation> Dropped { get; } = [];

        public List<(KeptAllocation Kept, IPAddress? Address)> KeptWithAddress { get; } = [];

        public KeptAllocation[] Kept => KeptWithAddress.Select(k => k.Kept).ToArray();

        public HashSet<IPAddress> ClaimedAddresses { get; set; } = [];

        public void Keep(CheckpointAllocation allocation, KeepReason reason, IPAddress? address) =>
            KeptWithAddress.Add((new KeptAllocation(allocation, reason), address));
    }
}
