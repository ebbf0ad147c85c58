using System.Net;
using System.Net.Sockets;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Checkpoint;
using VpcCni.Engine.Networking;

namespace VpcCni.Engine.Ipam;

/// <summary>Rebuilding assignments from the checkpoint after a restart (upstream `pkg/ipamd/datastore/data_store.go` `ReadBackingStore`).</summary>
public sealed partial class IpamDatastore
{
    /// <summary>
    /// Reads the checkpoint and marks each allocation assigned again, with its original timestamp,
    /// in whichever CIDR of a known ENI contains its address (either mode, so pods survive a PD
    /// toggle). Run it after the ENIs and CIDRs are added. A missing file is a fresh node; a file of
    /// another version throws <c>CheckpointVersionMismatch</c>. Allocations without a containing
    /// CIDR, or refused by <paramref name="validator"/>, are dropped and reported; the checkpoint is
    /// then rewritten to hold exactly what was restored.
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

        var restored = new List<CheckpointAllocation>();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var allocation in candidates)
            {
                var reason = TryRestoreUnsafe(allocation);
                if (reason is { } why)
                {
                    dropped.Add(new DroppedAllocation(allocation, why));
                }
                else
                {
                    restored.Add(allocation);
                }
            }

            foreach (var drop in dropped)
            {
                CheckpointLog.RestoreDropped(_logger, drop.Allocation.Ipv4 ?? drop.Allocation.Ipv6 ?? "(none)", drop.Allocation.Key, drop.Reason);
            }

            CheckpointLog.Restored(_logger, restored.Count, dropped.Count);
            await WriteCheckpointAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        return new RestoreReport { Restored = restored, Dropped = dropped };
    }

    private DropReason? TryRestoreUnsafe(CheckpointAllocation allocation)
    {
        var key = allocation.Key;
        if (!key.IsComplete)
        {
            return DropReason.InvalidKey;
        }

        if (allocation.Ipv4 is null || !IPAddress.TryParse(allocation.Ipv4, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
        {
            return DropReason.UnusableAddress;
        }

        var match = OrderedEnis().Select(e => (Eni: e, Cidr: e.FindContaining(ip))).FirstOrDefault(m => m.Cidr is not null);
        if (match.Cidr is null)
        {
            return DropReason.NoContainingCidr;
        }

        if (_byKey.ContainsKey(key) || match.Cidr.Get(ip) is { IsAssigned: true })
        {
            return DropReason.Duplicate;
        }

        var address = match.Cidr.Track(AddressMath.OffsetOf(match.Cidr.Network, ip));
        address.Key = key;
        address.Metadata = allocation.Metadata.ToIpamMetadata();
        address.AssignedAt = CheckpointAllocation.FromUnixNanoseconds(allocation.AllocationTimestamp);
        address.UnassignedAt = null;
        _byKey[key] = (match.Eni, match.Cidr, address);
        return null;
    }
}
