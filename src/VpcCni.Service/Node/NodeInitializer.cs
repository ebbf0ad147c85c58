using System.Net;
using System.Net.NetworkInformation;
using Amazon.EC2;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Ipam.Placement;
using VpcCni.Engine.Limits;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Service.Hosting;
using VpcCni.Service.Metrics;

using VpcCni.Service.Kubernetes;

namespace VpcCni.Service.Node;

/// <summary>
/// Node initialisation (upstream <c>pkg/ipamd/ipamd.go</c> <c>nodeInit</c>): the instance's identity
/// and limits, the node-wide host network, every attached ENI of card 0 with its secondary addresses
/// and prefixes in the datastore, their host setup, then the checkpoint restored so that running pods
/// keep their addresses, and those pods' host rules rewritten. It runs
/// in the host's starting phase, before any hosted service starts, so the IPAM socket is bound only
/// once the datastore is filled; a failure stops start-up, as upstream's daemon exits.
/// </summary>
internal sealed partial class NodeInitializer(
    IOptions<NodeLoopOptions> options,
    NodeReadiness readiness,
    IServiceProvider services,
    ILogger<NodeInitializer> logger) : IHostedLifecycleService, IDisposable
{
    private IAmazonEC2? _client;

    /// <summary>Set once initialisation has finished.</summary>
    public NodeSession? Session { get; private set; }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            NodeLog.Disabled(logger);
            return;
        }

        Session = await InitializeMeasuredAsync(cancellationToken).ConfigureAwait(false);
        readiness.MarkInitialized(Session.Facts);

        // The gRPC replies read NodeNetworkOptions; drop the value bound before the facts were known.
        services.GetRequiredService<IOptionsMonitorCache<NodeNetworkOptions>>().TryRemove(Options.DefaultName);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _client?.Dispose();

    /// <summary>
    /// Times initialisation and publishes the node's capacity, as upstream's <c>cmd/aws-k8s-agent/main.go</c>
    /// and <c>nodeInit</c> (<c>updateIPStats</c>) feed their metrics.
    /// </summary>
    private async Task<NodeSession> InitializeMeasuredAsync(CancellationToken cancellationToken)
    {
        var metrics = services.GetRequiredService<INodeMetrics>();
        var time = services.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        NodeSession session;
        using (metrics.ActionInProgress(AwsCniMetrics.Functions.NodeInit))
        {
            try
            {
                session = await InitializeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                metrics.NodeInitialized(time.GetElapsedTime(started), success: false);
                metrics.StartupFinished(success: false, failureReason: "node_initialization");
                throw;
            }
        }

        metrics.NodeInitialized(time.GetElapsedTime(started), success: true);
        var capacity = services.GetRequiredService<NodePodCapacity>();
        await capacity.WaitForNodeAsync(cancellationToken).ConfigureAwait(false);
        var settings = services.GetRequiredService<IOptionsMonitor<VpcCniSettings>>().CurrentValue;
        var limits = PoolLimits.ForInstanceType(session.Facts.Limits, 0, settings.Ipam.MaxEni, capacity.Current);
        var usable = Math.Max(0, limits.MaxEni - session.Facts.UnmanagedEniIds.Count);
        var prefixDelegation = services.GetRequiredService<IpamDatastore>().Settings.PrefixDelegation;
        metrics.NodeCapacityKnown(usable, usable * limits.MaxIpsPerEni(prefixDelegation));
        return session;
    }

    private async Task<NodeSession> InitializeAsync(CancellationToken cancellationToken)
    {
        // Resolved here rather than injected: with NodeLoop:Enabled off none of them is built, so a
        // host without instance metadata or netlink still starts.
        var imds = services.GetRequiredService<IInstanceMetadata>();
        var datastore = services.GetRequiredService<IpamDatastore>();
        var settings = services.GetRequiredService<IOptionsMonitor<VpcCniSettings>>().CurrentValue;
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();

        var instanceId = await imds.GetInstanceIdAsync(cancellationToken).ConfigureAwait(false) ?? throw Missing("instance-id");
        var instanceType = await imds.GetInstanceTypeAsync(cancellationToken).ConfigureAwait(false) ?? throw Missing("instance-type");
        var mac = await imds.GetPrimaryMacAsync(cancellationToken).ConfigureAwait(false) ?? throw Missing("mac");
        var localIpv4 = await imds.GetLocalIpv4Async(cancellationToken).ConfigureAwait(false);
        var vpcCidrs = await imds.GetVpcIpv4CidrBlocksAsync(mac, cancellationToken).ConfigureAwait(false);
        var ec2Options = services.GetRequiredService<IOptions<Ec2ClientOptions>>().Value;
        var region = await Ec2ClientFactory.ResolveRegionAsync(ec2Options, imds, cancellationToken).ConfigureAwait(false);
        NodeLog.Initialising(logger, instanceId, instanceType, region, mac);

        _client = Ec2ClientFactory.CreateClient(ec2Options, region, services.GetService<AWSCredentials>());
        var ec2 = new SdkEc2Api(_client, loggers.CreateLogger<SdkEc2Api>(), time, services.GetService<IAwsCallObserver>());
        var limits = await new InstanceTypeResolver(ec2, InstanceTypeCatalog.Embedded, loggers.CreateLogger<InstanceTypeResolver>())
            .ResolveAsync(instanceType, cancellationToken).ConfigureAwait(false);
        NodeLog.Limits(logger, limits.InstanceType, limits.EniLimit, limits.Ipv4PerEni);

        // The node-wide host network comes before the ENIs, as upstream nodeInit calls SetupHostNetwork first.
        var hostNetwork = services.GetRequiredService<INodeHostNetwork>();
        await hostNetwork.SetupAsync(NodeHostNetworkSpec.From(settings, MacOf(mac), localIpv4, vpcCidrs), cancellationToken).ConfigureAwait(false);

        var host = services.GetRequiredService<IEniHostSetup>();
        var enis = await AttachedEniDiscovery.DiscoverAsync(imds, ec2, settings.Ipam.ManageUntaggedEni, cancellationToken).ConfigureAwait(false);
        var excluded = await ExcludedSubnetsAsync(ec2, enis, settings, cancellationToken).ConfigureAwait(false);
        var others = enis.Where(e => e.Metadata.NetworkCard > 0).ToArray();
        enis = [.. enis.Where(e => e.Metadata.NetworkCard == 0)];
        foreach (var eni in enis)
        {
            if (!eni.IsManaged)
            {
                NodeLog.EniSkipped(logger, eni.Id, eni.Metadata.DeviceNumber, eni.SkipReason!);
                continue;
            }

            var added = AddToDatastore(datastore, eni, excluded, logger);
            await host.SetupAsync(NetworkSpecOf(eni), cancellationToken).ConfigureAwait(false);
            NodeLog.EniAdded(logger, eni.Id, eni.Metadata.DeviceNumber, added, eni.Metadata.IsPrimary, eni.IsTrunk, eni.IsEfa);
        }

        // No pod validator: without the Kubernetes API every allocation whose address is still on an ENI
        // of this node is kept (upstream ReadBackingStore drops only what the API says is gone).
        var report = await datastore.RestoreAsync(null, cancellationToken).ConfigureAwait(false);
        NodeLog.Restored(logger, report.Restored.Count, report.Dropped.Count, report.Kept.Count);
        await hostNetwork.RewritePodRulesAsync(PodRulesOf(datastore.Snapshot()), cancellationToken).ConfigureAwait(false);

        var provider = new Ec2EniProvider(ec2, imds, host, services.GetRequiredService<IOptions<EniProviderOptions>>(), time,
            loggers.CreateLogger<Ec2EniProvider>(), services.GetService<IEniConfigSource>());
        var executor = new PoolActionExecutor(provider, datastore, loggers.CreateLogger<PoolActionExecutor>());
        services.GetRequiredService<NodeCards>().Set(
            await InitializeOtherCardsAsync(ec2, imds, host, limits, others, excluded, cancellationToken).ConfigureAwait(false));
        if (!settings.NetworkResourceProvisioningDisabled)
        {
            await ExcludedEniCleanup.ReleaseFreeCidrsAsync(datastore, executor, cancellationToken).ConfigureAwait(false);
        }

        var facts = new NodeFacts
        {
            InstanceId = instanceId,
            InstanceType = instanceType,
            Region = region,
            PrimaryMac = mac,
            PrimaryEniId = enis.First(e => e.Metadata.IsPrimary).Id,
            PrimaryIpv4 = localIpv4,
            VpcIpv4Cidrs = vpcCidrs,
            Limits = limits,
            ManagedEniIds = [.. enis.Where(e => e.IsManaged).Select(e => e.Id)],
            UnmanagedEniIds = [.. enis.Where(e => !e.IsManaged).Select(e => e.Id)],
            RestoredAssignments = report.Restored.Count,
            ExcludedSubnetIds = excluded,
        };
        var stats = datastore.GetStats();
        NodeLog.Initialised(logger, facts.ManagedEniIds.Count, facts.UnmanagedEniIds.Count, stats);
        return new NodeSession(facts, executor, ec2);
    }

    /// <summary>
    /// With subnet discovery, the subnets of attached ENIs tagged <c>kubernetes.io/role/cni=0</c> (upstream
    /// <c>IsSubnetExcluded</c>, <c>pkg/awsutils/awsutils.go</c>); one DescribeSubnets for all of them.
    /// </summary>
    private async Task<IReadOnlySet<string>> ExcludedSubnetsAsync(IEc2Api ec2, IReadOnlyList<DiscoveredEni> enis, VpcCniSettings settings, CancellationToken cancellationToken)
    {
        if (!settings.Ipam.EnableSubnetDiscovery || settings.Ipam.EnableImdsOnlyMode)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        try
        {
            return await SubnetDiscovery.FindExcludedAsync(ec2, enis.Where(e => e.IsManaged).Select(SubnetOf), cancellationToken).ConfigureAwait(false);
        }
        catch (Ec2ApiException ex)
        {
            NodePlacementLog.ExclusionUnknown(logger, ex.ErrorId, ex);
            return new HashSet<string>(StringComparer.Ordinal);
        }
    }

    private static string SubnetOf(DiscoveredEni eni) => eni.Described.SubnetId ?? eni.Metadata.SubnetId ?? string.Empty;

    /// <summary>
    /// Adds the ENI and its secondary /32s and /28 prefixes, never its primary address; a trunk gets none.
    /// An ENI in an excluded subnet keeps its CIDRs (restored pods keep their addresses) but gives out none.
    /// </summary>
    internal static int AddToDatastore(IpamDatastore datastore, DiscoveredEni eni, IReadOnlySet<string> excludedSubnets, ILogger logger)
    {
        var device = eni.Metadata.DeviceNumber;
        var subnetId = SubnetOf(eni);
        var excluded = excludedSubnets.Contains(subnetId);
        if (excluded)
        {
            NodePlacementLog.EniExcluded(logger, eni.Id, subnetId);
        }

        datastore.AddEni(new EniDescriptor
        {
            Id = eni.Id,
            DeviceNumber = device,
            IsPrimary = eni.Metadata.IsPrimary,
            IsTrunk = eni.IsTrunk,
            IsEfa = eni.IsEfa,
            IsExcludedForPodIps = excluded,
            RouteTableId = RouteTables.ForEni(eni.Metadata.NetworkCard, device),
            SubnetId = subnetId,
        });
        if (eni.IsTrunk)
        {
            return 0;
        }

        // Both kinds are added whatever the mode, so that pods placed before a prefix-delegation toggle
        // keep their addresses; the datastore counts only the current mode's CIDRs as the pool.
        IPNetwork[] cidrs =
        [
            .. eni.Described.SecondaryIpAddresses.Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork).Select(a => new IPNetwork(a, 32)),
            .. eni.Described.Ipv4Prefixes,
        ];
        foreach (var cidr in cidrs)
        {
            datastore.AddCidr(eni.Id, cidr);
        }

        return cidrs.Length;
    }

    /// <summary>
    /// Rules 512 and 1536 of every assigned IPv4 address, with its ENI's table: the pods the checkpoint gave
    /// back (upstream <c>pkg/ipamd/ipamd.go</c> <c>configureIPRulesForPods</c> walks the allocated addresses).
    /// </summary>
    private static PodHostRules[] PodRulesOf(DatastoreSnapshot snapshot) =>
    [
        .. snapshot.Enis.SelectMany(e => e.Cidrs.SelectMany(c => c.Addresses)
            .Where(a => a.IsAssigned && a.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            .Select(a => new PodHostRules(a.Address, e.Descriptor.RouteTableId))),
    ];

    private static PhysicalAddress MacOf(string mac) => PhysicalAddress.Parse(mac.Replace(':', '-'));

    internal static EniNetworkSpec NetworkSpecOf(DiscoveredEni eni)
    {
        var primaryIp = eni.Described.PrimaryIpAddress ?? (eni.Metadata.Ipv4Addresses.Count > 0 ? eni.Metadata.Ipv4Addresses[0] : null)
            ?? throw new VpcCniException(VpcCniErrorCategory.NotFound, ErrorIds.Node.InstanceIdentityMissing,
                $"ENI {eni.Id} has no primary IPv4 address in EC2 or instance metadata.");
        var subnet = eni.Metadata.SubnetIpv4Cidr
            ?? throw new VpcCniException(VpcCniErrorCategory.NotFound, ErrorIds.Node.InstanceIdentityMissing,
                $"Instance metadata has no subnet-ipv4-cidr-block for ENI {eni.Id} ({eni.Metadata.MacAddress}).");
        return new EniNetworkSpec(MacOf(eni.Metadata.MacAddress), primaryIp, subnet,
            eni.Metadata.DeviceNumber, eni.Metadata.NetworkCard, eni.Metadata.IsPrimary, eni.IsTrunk);
    }

    private static VpcCniException Missing(string path) =>
        new(VpcCniErrorCategory.NotFound, ErrorIds.Node.InstanceIdentityMissing,
            $"Instance metadata has no meta-data/{path}; the node cannot be initialised without it.");
}
