using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Service.Metrics;

namespace VpcCni.Service.Node;

/// <summary>
/// Brings the datastore back in line with what the instance really has (upstream
/// <c>pkg/ipamd/ipamd.go</c> <c>nodeIPPoolReconcile</c>): someone may assign or unassign addresses,
/// or detach an ENI, behind the node's back. The pool loop calls it between ticks, so it never races
/// the loop's own changes. Instance metadata is read first; only an ENI whose addresses there differ
/// from the datastore's is described in EC2 (IMDS lags EC2), and EC2's answer decides. CIDRs and ENIs
/// that pods still hold are kept and logged. A CIDR the pool itself released is not added back for
/// <see cref="NodeReconcileOptions.ReleasedCidrCooldown"/> (upstream's <c>ReconcileCooldownCache</c>).
/// An attached ENI the datastore lacks is adopted, as
/// upstream's reconcile adds new ENIs: one attached just before a restart, which instance metadata did
/// not list yet when the node initialised, or one whose free or compensation failed half-way.
/// </summary>
internal sealed class NodeReconciler(
    IpamDatastore datastore,
    IOptions<NodeReconcileOptions> options,
    IServiceProvider services,
    INodeMetrics metrics,
    TimeProvider time,
    ILogger<NodeReconciler> logger)
{
    private readonly Dictionary<IPNetwork, DateTimeOffset> _released = [];
    private DateTimeOffset? _nextRunAt;
    private HashSet<string>? _leftAlone;

    /// <summary>The pool gave <paramref name="cidrs"/> back to EC2 just now.</summary>
    public void NoteReleased(IEnumerable<IPNetwork> cidrs)
    {
        ArgumentNullException.ThrowIfNull(cidrs);
        var now = time.GetUtcNow();
        lock (_released)
        {
            foreach (var cidr in cidrs)
            {
                _released[cidr] = now;
            }
        }
    }

    /// <summary>Reconciles when an interval has passed since the last time (the first one after an interval from start).</summary>
    public async Task RunIfDueAsync(NodeSession session, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        _nextRunAt ??= now + options.Value.Interval;
        if (now < _nextRunAt)
        {
            return;
        }

        _nextRunAt = now + options.Value.Interval;
        using var inProgress = metrics.ActionInProgress(AwsCniMetrics.Functions.Reconcile);
        try
        {
            await ReconcileAsync(session, cancellationToken).ConfigureAwait(false);
        }
        catch (VpcCniException ex)
        {
            NodeMaintenanceLog.ReconcileFailed(logger, ex, ex.ErrorId);
            metrics.ReconcileFailed();
        }
    }

    private async Task ReconcileAsync(NodeSession session, CancellationToken cancellationToken)
    {
        var imds = services.GetRequiredService<IInstanceMetadata>();
        var attached = (await imds.GetAttachedNetworkInterfacesAsync(cancellationToken).ConfigureAwait(false))
            .Where(e => e.NetworkCard == datastore.NetworkCard)
            .ToDictionary(e => e.NetworkInterfaceId, StringComparer.Ordinal);
        await AdoptAsync(session, attached, cancellationToken).ConfigureAwait(false);
        foreach (var eni in datastore.Snapshot().Enis)
        {
            var id = eni.Descriptor.Id;
            if (!attached.TryGetValue(id, out var metadata))
            {
                await DropIfDetachedAsync(session, eni, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var tracked = eni.Cidrs.Select(c => c.Network).ToHashSet();
            if (eni.Descriptor.IsTrunk || tracked.SetEquals(CidrsOf(metadata)))
            {
                continue;
            }

            var described = await DescribeAsync(session, id, cancellationToken).ConfigureAwait(false);
            if (described is null)
            {
                continue;
            }

            await ApplyAsync(eni, tracked, CidrsOf(described), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Adds the ENIs instance metadata lists and neither the datastore nor the left-alone set knows, once
    /// EC2 confirms they are attached here: set up on the host first, so that no pod gets an address
    /// whose routes are missing, then into the datastore (upstream <c>nodeIPPoolReconcile</c>, <c>setupENI</c>).
    /// </summary>
    private async Task AdoptAsync(NodeSession session, Dictionary<string, ImdsNetworkInterface> attached, CancellationToken cancellationToken)
    {
        _leftAlone ??= new HashSet<string>(session.Facts.UnmanagedEniIds, StringComparer.Ordinal);
        var tracked = datastore.Snapshot().Enis.Select(e => e.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
        // Only ENIs of this datastore's network card; each further card has its own datastore.
        var unknown = attached.Values.Where(e => e.NetworkCard == datastore.NetworkCard
            && !tracked.Contains(e.NetworkInterfaceId) && !_leftAlone.Contains(e.NetworkInterfaceId)).ToArray();
        if (unknown.Length == 0)
        {
            return;
        }

        var described = (await session.Ec2.DescribeNetworkInterfacesAsync(
                Ec2DescribeQuery.ForIds([.. unknown.Select(e => e.NetworkInterfaceId)]), cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => e.NetworkInterfaceId, StringComparer.Ordinal);
        var manageUntagged = services.GetRequiredService<IOptionsMonitor<VpcCniSettings>>().CurrentValue.Ipam.ManageUntaggedEni;
        var host = services.GetRequiredService<IEniHostSetup>();
        foreach (var metadata in unknown)
        {
            if (!described.TryGetValue(metadata.NetworkInterfaceId, out var ec2View)
                || ec2View.Attachment is not { Status: Ec2AttachmentStatus.Attached } attachment
                || !string.Equals(attachment.InstanceId, session.Facts.InstanceId, StringComparison.Ordinal))
            {
                continue; // Being detached (a free or a compensation in progress) or already gone.
            }

            var eni = new DiscoveredEni(metadata, ec2View, AttachedEniDiscovery.SkipReason(metadata, ec2View, manageUntagged));
            if (!eni.IsManaged)
            {
                _leftAlone.Add(eni.Id);
                NodeLog.EniSkipped(logger, eni.Id, metadata.DeviceNumber, eni.SkipReason!);
                continue;
            }

            try
            {
                await host.SetupAsync(NodeInitializer.NetworkSpecOf(eni), cancellationToken).ConfigureAwait(false);
                var added = NodeInitializer.AddToDatastore(datastore, eni, session.Facts.ExcludedSubnetIds, logger);
                NodeMaintenanceLog.EniAdopted(logger, eni.Id, metadata.DeviceNumber, added);
            }
            catch (VpcCniException ex)
            {
                // Instance metadata may not show its subnet yet; the next reconcile tries again.
                NodeMaintenanceLog.ReconcileFailed(logger, ex, ex.ErrorId);
            }
        }
    }

    private async Task ApplyAsync(EniSnapshot eni, HashSet<IPNetwork> tracked, HashSet<IPNetwork> actual, CancellationToken cancellationToken)
    {
        var id = eni.Descriptor.Id;
        foreach (var cidr in actual.Where(c => !tracked.Contains(c)))
        {
            if (ReleasedAt(cidr) is { } releasedAt)
            {
                NodeMaintenanceLog.CidrRecentlyReleased(logger, id, cidr, releasedAt, releasedAt + options.Value.ReleasedCidrCooldown);
                continue;
            }

            try
            {
                datastore.AddCidr(id, cidr);
                NodeMaintenanceLog.CidrAdded(logger, id, cidr);
                metrics.Reconciled(AwsCniMetrics.Functions.ReconcileAddCidr);
            }
            catch (VpcCniException ex) when (ex.ErrorId == ErrorIds.Ipam.DuplicateCidr)
            {
                NodeMaintenanceLog.ReconcileFailed(logger, ex, ex.ErrorId);
            }
        }

        foreach (var cidr in eni.Cidrs.Where(c => !actual.Contains(c.Network)))
        {
            if (cidr.AssignedCount > 0)
            {
                NodeMaintenanceLog.CidrHeld(logger, id, cidr.Network, cidr.AssignedCount);
                continue;
            }

            try
            {
                await datastore.RemoveCidrAsync(id, cidr.Network, force: false, cancellationToken).ConfigureAwait(false);
                NodeMaintenanceLog.CidrRemoved(logger, id, cidr.Network);
                metrics.Reconciled(AwsCniMetrics.Functions.ReconcileDelCidr);
            }
            catch (VpcCniException ex) when (ex.ErrorId == ErrorIds.Ipam.CidrInUse)
            {
                // A pod took an address of it since the snapshot.
                NodeMaintenanceLog.CidrHeld(logger, id, cidr.Network, 1);
            }
        }
    }

    /// <summary>When the pool released <paramref name="cidr"/>, if that was within the cooldown; forgets releases older than it.</summary>
    private DateTimeOffset? ReleasedAt(IPNetwork cidr)
    {
        var since = time.GetUtcNow() - options.Value.ReleasedCidrCooldown;
        lock (_released)
        {
            foreach (var old in _released.Where(r => r.Value <= since).Select(r => r.Key).ToArray())
            {
                _released.Remove(old);
            }

            return _released.TryGetValue(cidr, out var at) ? at : null;
        }
    }

    /// <summary>Removes an ENI instance metadata no longer lists, once EC2 confirms it is not attached here.</summary>
    private async Task DropIfDetachedAsync(NodeSession session, EniSnapshot eni, CancellationToken cancellationToken)
    {
        var id = eni.Descriptor.Id;
        var described = await DescribeAsync(session, id, cancellationToken).ConfigureAwait(false);
        if (described?.Attachment is { } attachment
            && string.Equals(attachment.InstanceId, session.Facts.InstanceId, StringComparison.Ordinal)
            && attachment.Status is Ec2AttachmentStatus.Attaching or Ec2AttachmentStatus.Attached)
        {
            return; // IMDS has not caught up yet.
        }

        if (eni.AssignedCount > 0)
        {
            NodeMaintenanceLog.EniHeld(logger, id, eni.AssignedCount);
            return;
        }

        try
        {
            await datastore.RemoveEniAsync(id, force: false, cancellationToken).ConfigureAwait(false);
            NodeMaintenanceLog.EniRemoved(logger, id);
            metrics.Reconciled(AwsCniMetrics.Functions.ReconcileDelEni);
        }
        catch (VpcCniException ex) when (ex.ErrorId == ErrorIds.Ipam.EniInUse)
        {
            NodeMaintenanceLog.EniHeld(logger, id, 1);
        }
    }

    /// <summary>The ENI as EC2 describes it, or null when EC2 no longer knows it.</summary>
    private static async Task<Ec2NetworkInterface?> DescribeAsync(NodeSession session, string eniId, CancellationToken cancellationToken)
    {
        try
        {
            return (await session.Ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.ForIds(eniId), cancellationToken).ConfigureAwait(false))
                .SingleOrDefault();
        }
        catch (Ec2ApiException ex) when (ex.Is(Ec2ErrorCodes.NetworkInterfaceNotFound))
        {
            return null;
        }
    }

    /// <summary>Secondary IPv4 addresses as /32s and the /28 prefixes; IMDS lists the primary address first.</summary>
    private static HashSet<IPNetwork> CidrsOf(ImdsNetworkInterface eni) =>
        [.. eni.Ipv4Addresses.Skip(1).Select(a => new IPNetwork(a, 32)), .. eni.Ipv4Prefixes];

    private static HashSet<IPNetwork> CidrsOf(Ec2NetworkInterface eni) =>
        [.. eni.SecondaryIpAddresses.Where(a => a.AddressFamily == AddressFamily.InterNetwork).Select(a => new IPNetwork(a, 32)), .. eni.Ipv4Prefixes];
}
