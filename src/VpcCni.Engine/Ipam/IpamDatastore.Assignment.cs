using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Checkpoint;

namespace VpcCni.Engine.Ipam;

/// <summary>Pod address assignment and release, each persisted to the checkpoint or rolled back.</summary>
public sealed partial class IpamDatastore
{
    /// <summary>
    /// Gives the pod interface <paramref name="key"/> an address (upstream <c>data_store.go</c> <c>AssignPodIPv4Address</c>). A repeated ADD for
    /// the same key returns the address it already holds. ENIs are tried in device order, skipping
    /// ENIs excluded for pod IPs; inside an ENI only CIDRs of the current mode are used, lowest
    /// usable address first. Throws <c>Ipam.NoAvailableAddress</c> when every address is assigned or
    /// cooling, and <c>Checkpoint.WriteFailed</c> (with the assignment undone) when it cannot be saved.
    /// </summary>
    public async Task<IpAssignment> AssignAsync(IpamKey key, IpamMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        RequireCompleteKey(key);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_byKey.TryGetValue(key, out var held))
            {
                return ToAssignment(held.Eni, held.Address, wasAlreadyAssigned: true);
            }

            var now = _time.GetUtcNow();
            foreach (var eni in OrderedEnis().Where(e => !e.Descriptor.IsExcludedForPodIps && !e.Descriptor.IsTrunk))
            {
                foreach (var cidr in eni.Cidrs.Where(c => c.IsPrefix == Settings.PrefixDelegation))
                {
                    var offset = cidr.FindFreeSlot(now, Settings.CooldownPeriod);
                    if (offset < 0)
                    {
                        continue;
                    }

                    var wasTracked = cidr.Slot(offset) is not null;
                    var address = cidr.Track(offset);
                    var previous = (address.Metadata, address.AssignedAt, address.AssignedAtUnixNanoseconds, address.UnassignedAt);
                    address.Key = key;
                    address.Metadata = metadata;
                    address.AssignedAt = now;
                    address.AssignedAtUnixNanoseconds = CheckpointAllocation.ToUnixNanoseconds(now);
                    address.UnassignedAt = null;
                    _byKey[key] = (eni, cidr, address);
                    try
                    {
                        await WriteCheckpointAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        _byKey.Remove(key);
                        address.Key = default;
                        (address.Metadata, address.AssignedAt, address.AssignedAtUnixNanoseconds, address.UnassignedAt) = previous;
                        if (!wasTracked)
                        {
                            cidr.Untrack(offset);
                        }

                        IpamLog.CheckpointRolledBack(_logger, ex, key);
                        throw;
                    }

                    PublishUnsafe();
                    IpamLog.Assigned(_logger, address.Address, eni.Id, key, metadata.PodNamespace, metadata.PodName);
                    return ToAssignment(eni, address, wasAlreadyAssigned: false);
                }
            }

            throw new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.Ipam.NoAvailableAddress,
                $"No {(Settings.PrefixDelegation ? "prefix" : "secondary IP")} address is free on network card {NetworkCard} for '{key}'; the pool grows within a few seconds.");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Releases the address of <paramref name="key"/>; it then cools down for the configured period
    /// before another pod can get it. Throws <see cref="UnknownPodException"/> when the key holds no
    /// address, and <c>Checkpoint.WriteFailed</c> (with the release undone) when it cannot be saved.
    /// </summary>
    public async Task<IpRelease> UnassignAsync(IpamKey key, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_byKey.TryGetValue(key, out var held))
            {
                throw new UnknownPodException(key);
            }

            var (eni, _, address) = held;
            var previous = (address.Metadata, address.AssignedAt, address.UnassignedAt);
            var metadata = address.Metadata;
            _byKey.Remove(key);
            address.Key = default;
            address.Metadata = IpamMetadata.None;
            address.UnassignedAt = _time.GetUtcNow();
            try
            {
                await WriteCheckpointAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                address.Key = key;
                (address.Metadata, address.AssignedAt, address.UnassignedAt) = previous;
                _byKey[key] = held;
                IpamLog.CheckpointRolledBack(_logger, ex, key);
                throw;
            }

            PublishUnsafe();
            IpamLog.Unassigned(_logger, address.Address, eni.Id, key, Settings.CooldownPeriod);
            return new IpRelease(address.Address, eni.Id, eni.Descriptor.DeviceNumber, eni.Descriptor.RouteTableId, metadata);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static IpAssignment ToAssignment(EniEntry eni, AddressEntry address, bool wasAlreadyAssigned) =>
        new(address.Address, eni.Id, eni.Descriptor.DeviceNumber, eni.Descriptor.RouteTableId, wasAlreadyAssigned);

    private static void RequireCompleteKey(IpamKey key)
    {
        if (!key.IsComplete)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Ipam.InvalidIpamKey,
                $"IPAM key '{key}' is incomplete: network name, container id and interface name are all required.");
        }
    }

    /// <summary>
    /// Writes every assigned address, then the entries a restore kept without understanding them, so
    /// a rewrite never loses what another CNI might still rely on. The caller holds the lock.
    /// </summary>
    private async Task WriteCheckpointAsync(CancellationToken cancellationToken)
    {
        var allocations = OrderedEnis()
            .SelectMany(e => e.Cidrs)
            .SelectMany(c => c.Tracked)
            .Where(a => a.IsAssigned)
            .Select(a => new CheckpointAllocation
            {
                NetworkName = a.Key.NetworkName,
                ContainerId = a.Key.ContainerId,
                InterfaceName = a.Key.InterfaceName,
                Ipv4 = a.Address.ToString(),
                AllocationTimestamp = a.AssignedAtUnixNanoseconds,
                Metadata = CheckpointMetadata.From(a.Metadata),
            })
            .Concat(_kept)
            .ToArray();
        try
        {
            await _store.WriteAsync(new IpamCheckpoint { Allocations = allocations }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.Checkpoint.WriteFailed,
                $"The IPAM checkpoint of network card {NetworkCard} could not be written: {ex.Message}", ex);
        }
    }
}
