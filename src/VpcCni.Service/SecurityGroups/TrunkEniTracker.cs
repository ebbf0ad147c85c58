using System.Text.Json;
using k8s.Autorest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Placement;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Service.Kubernetes;
using VpcCni.Service.Metrics;
using VpcCni.Service.Node;

namespace VpcCni.Service.SecurityGroups;

/// <summary>
/// The node's half of getting a trunk ENI (upstream <c>pkg/ipamd/ipamd.go</c>
/// <c>tryEnableSecurityGroupsForPods</c>, retried from <c>nodeIPPoolReconcile</c> while there is no
/// trunk): with <c>ENABLE_POD_ENI</c> on, no trunk yet and an ENI slot free for one (the slot the
/// planner keeps back, <see cref="PoolPredicates.HasRoomForEni(DatastoreSnapshot, PoolTargets, PoolLimits, out string)"/>),
/// it adds <c>SecurityGroupsForPods</c> (and, with custom networking, <c>CustomNetworking</c> naming
/// the node's ENIConfig) to the node's CNINode, which tells the VPC resource controller to attach a
/// trunk. Once reconciliation has put the trunk in the datastore, it records the trunk's host link,
/// the parent of every branch pod's VLAN link. The pool loop calls <see cref="TickAsync"/> each tick.
/// </summary>
internal sealed class TrunkEniTracker(
    IpamDatastore datastore,
    NodeKubernetes kubernetes,
    IEniLinkIndex links,
    IInstanceMetadata imds,
    IOptionsMonitor<VpcCniSettings> settings,
    NodePodCapacity capacity,
    INodeMetrics metrics,
    ILogger<TrunkEniTracker> logger,
    IEniConfigSource? eniConfigs = null)
{
    /// <summary>Upstream's <c>fn</c> label of <c>awscni_pod_eni_error_count</c> for this work.</summary>
    public const string Function = "tryEnableSecurityGroupsForPods";

    private volatile TrunkLink? _trunk;
    private bool _signalled;
    private string? _withheld;

    /// <summary>The attached trunk's host link index, or null while there is none (or it was not found yet).</summary>
    public int? TrunkLinkIndex => _trunk?.LinkIndex;

    /// <summary>Signals the CNINode or records the trunk's link, whichever is due.</summary>
    public async Task TickAsync(NodeSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var current = settings.CurrentValue;
        if (!current.CustomNetworking.EnablePodEni || datastore.NetworkCard != 0)
        {
            return;
        }

        var snapshot = datastore.Snapshot();
        if (snapshot.Enis.FirstOrDefault(e => e.Descriptor.IsTrunk) is { } trunk)
        {
            if (_trunk?.EniId != trunk.Descriptor.Id)
            {
                await RecordTrunkAsync(trunk.Descriptor, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        _trunk = null;
        if (!_signalled && CanSignal(session, snapshot, current) is { } features)
        {
            await SignalAsync(features, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The features to add, or null (logged once per reason) when the node does not ask for a trunk.</summary>
    private List<(string Name, string Value)>? CanSignal(NodeSession session, DatastoreSnapshot snapshot, VpcCniSettings current)
    {
        string? why = null;
        var limits = PoolLimits.ForInstanceType(session.Facts.Limits, 0, current.Ipam.MaxEni, capacity.Current)
            with { UnmanagedEnis = session.Facts.UnmanagedEniIds.Count };
        var targets = PoolTargets.From(current) with { PodEniEnabled = false, PrefixDelegation = snapshot.PrefixDelegation };
        if (current.Networking.EnableIpv6)
        {
            why = "security groups for pods are IPv4-only here";
        }
        else if (kubernetes.Connection is null)
        {
            why = $"the Kubernetes API is not used ({kubernetes.NotUsing}), so the CNINode cannot be written";
        }
        else if (!limits.TrunkingCompatible)
        {
            why = $"instance type {session.Facts.InstanceType} does not support a trunk ENI";
        }
        else if (!PoolPredicates.HasRoomForEni(snapshot, targets, limits, out var reason))
        {
            why = "no ENI slot is free for it: " + reason;
        }

        if (why is not null)
        {
            if (why != _withheld)
            {
                _withheld = why;
                PodEniLog.SignalWithheld(logger, why);
            }

            return null;
        }

        _withheld = null;
        return [(CniNodeFeatures.SecurityGroupsForPods, string.Empty)];
    }

    private async Task SignalAsync(List<(string Name, string Value)> features, CancellationToken cancellationToken)
    {
        try
        {
            var current = settings.CurrentValue.CustomNetworking;
            if (current.CustomNetworkConfig && eniConfigs is not null)
            {
                var node = await eniConfigs.GetNodeAsync(cancellationToken).ConfigureAwait(false);
                features.Add((CniNodeFeatures.CustomNetworking, EniConfigSelector.NodeSpecificName(node, current.EniConfigAnnotationDef, current.EniConfigLabelDef)));
            }

            await new CniNodeFeatures(kubernetes.Connection!, kubernetes.NodeName).EnsureAsync(features, cancellationToken).ConfigureAwait(false);
            _signalled = true;
            var listed = string.Join(", ", features.Select(f => f.Value.Length > 0 ? $"{f.Name}={f.Value}" : f.Name));
            PodEniLog.FeaturesSignalled(logger, kubernetes.NodeName, listed);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or JsonException or VpcCniException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            metrics.PodEniFailed(Function);
            PodEniLog.SignalFailed(logger, e, kubernetes.NodeName, (e as VpcCniException)?.ErrorId ?? e.GetType().Name);
        }
    }

    private async Task RecordTrunkAsync(EniDescriptor trunk, CancellationToken cancellationToken)
    {
        try
        {
            var attached = await imds.GetAttachedNetworkInterfacesAsync(cancellationToken).ConfigureAwait(false);
            var metadata = attached.FirstOrDefault(e => e.NetworkInterfaceId == trunk.Id)
                ?? throw new VpcCniException(VpcCniErrorCategory.NotFound, ErrorIds.SecurityGroupPolicy.NoTrunkEni,
                    $"Instance metadata does not list trunk ENI {trunk.Id} (yet).");
            var index = await links.LinkIndexOfAsync(metadata, cancellationToken).ConfigureAwait(false);
            _trunk = new TrunkLink(trunk.Id, index);
            PodEniLog.TrunkRecorded(logger, trunk.Id, trunk.DeviceNumber, index);
        }
        catch (VpcCniException e)
        {
            metrics.PodEniFailed(Function);
            PodEniLog.TrunkLinkUnknown(logger, e, trunk.Id, e.ErrorId);
        }
    }

    private sealed record TrunkLink(string EniId, int LinkIndex);
}
