using System.Reflection;
using System.Runtime.InteropServices;
using Prometheus;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Ipam;

namespace VpcCni.Service.Metrics;

/// <summary>
/// The <c>awscni_*</c> metrics, with upstream's names, types and labels (upstream
/// <c>utils/prometheusmetrics/prometheusmetrics.go</c> and <c>pkg/version/info.go</c>), plus the
/// ones docs/service.md lists as ours. Each host has its own registry, so hosts in one process
/// never share counters. Pool gauges are computed from the datastore's published snapshot at
/// scrape time; the rest are fed by the gRPC edge (<see cref="ICniRequestMetrics"/>), the EC2 and IMDS
/// clients (<see cref="IAwsCallObserver"/>) and the node's loops (<see cref="INodeMetrics"/>).
/// docs/service.md "Metrics" says which code path feeds which metric.
/// </summary>
public sealed partial class AwsCniMetrics : ICniRequestMetrics, IAwsCallObserver, INodeMetrics
{
    private readonly IpamDatastore _datastore;
    private readonly TimeProvider _time;
    private readonly Gauge _eniAllocated;
    private readonly Gauge _totalIps;
    private readonly Gauge _assignedIps;
    private readonly Gauge _totalPrefixes;
    private readonly Gauge _assignedPerCidr;
    private readonly Gauge _assignedPerEni;
    private readonly Gauge _cooldownQueue;
    private readonly Counter _forceRemovedIps;
    private readonly Counter _forceRemovedEnis;
    private readonly Counter _ipamdErrors;
    private readonly Gauge _actionsInProgress;
    private readonly Gauge _eniMax;
    private readonly Gauge _ipMax;
    private readonly Counter _reconciles;
    private readonly Summary _awsLatency;
    private readonly Counter _awsErrors;
    private readonly Counter _awsUtilsErrors;
    private readonly Counter _ec2Requests;
    private readonly Counter _ec2Errors;
    private readonly Histogram _startup;
    private readonly Histogram _nodeInit;
    private readonly Counter _eniAllocationErrors;
    private readonly Counter _reconcileErrors;
    private readonly Histogram _podEniWait;
    private readonly Counter _podEniErrors;
    private readonly Counter _addRequests;
    private readonly Counter _delRequests;
    private readonly Counter _noAvailable;
    private readonly Counter _ipAllocations;

    public AwsCniMetrics(IpamDatastore datastore, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(datastore);
        ArgumentNullException.ThrowIfNull(time);
        _datastore = datastore;
        _time = time;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var f = Prometheus.Metrics.WithCustomRegistry(Registry);

        // Upstream's ipamd metrics.
        _ipamdErrors = f.CreateCounter("awscni_ipamd_error_count", "Errors in ipamd, by function", "fn");
        _actionsInProgress = f.CreateGauge("awscni_ipamd_action_inprogress", "Pool actions in progress, by function", "fn");
        _eniMax = f.CreateGauge("awscni_eni_max", "Maximum number of ENIs the node can attach, less unmanaged ENIs");
        _ipMax = f.CreateGauge("awscni_ip_max", "Maximum number of pod addresses the node can hold");
        _reconciles = f.CreateCounter("awscni_reconcile_count", "ENIs and addresses added or removed while reconciling with EC2, by function", "fn");
        _addRequests = f.CreateCounter("awscni_add_ip_req_count", "AddNetwork calls received from the CNI plugin");
        _delRequests = f.CreateCounter("awscni_del_ip_req_count", "DelNetwork calls received from the CNI plugin, by reason", "reason");
        _podEniErrors = f.CreateCounter("awscni_pod_eni_error_count", "Errors handling branch ENIs of security groups for pods, by function", "fn");
        _awsLatency = f.CreateSummary("awscni_aws_api_latency_ms", "Latency of EC2 and IMDS calls in milliseconds", "api", "error", "status");
        _awsErrors = f.CreateCounter("awscni_aws_api_error_count", "EC2 and IMDS errors, by API and error code", "api", "error");
        _awsUtilsErrors = f.CreateCounter("awscni_aws_utils_error_count", "Unhandled errors of the AWS helpers, by function and error", "fn", "error");
        _ec2Requests = f.CreateCounter("awscni_ec2api_req_count", "EC2 requests, by API", "fn");
        _ec2Errors = f.CreateCounter("awscni_ec2api_error_count", "Failed EC2 requests, by API", "fn");
        _eniAllocated = f.CreateGauge("awscni_eni_allocated", "ENIs in the datastore");
        _totalIps = f.CreateGauge("awscni_total_ip_addresses", "Addresses in the datastore (a /28 prefix counts 16)");
        _assignedIps = f.CreateGauge("awscni_assigned_ip_addresses", "Addresses assigned to pods");
        _forceRemovedEnis = f.CreateCounter("awscni_force_removed_enis", "ENIs removed from the datastore while pods still held addresses on them");
        _forceRemovedIps = f.CreateCounter("awscni_force_removed_ips", "Assigned addresses removed from the datastore because EC2 no longer had them");
        _totalPrefixes = f.CreateGauge("awscni_total_ipv4_prefixes", "IPv4 /28 prefixes in the datastore");
        _assignedPerCidr = f.CreateGauge("awscni_assigned_ip_per_cidr", "Addresses assigned to pods, by /32 or /28", "cidr");
        _noAvailable = f.CreateCounter("awscni_no_available_ip_addresses", "AddNetwork calls that found no free address");
        _assignedPerEni = f.CreateGauge("awscni_assigned_ip_per_eni", "Addresses assigned to pods, by ENI", "eni");
        _startup = f.CreateHistogram("awscni_ipamd_startup_duration_seconds", "Time from process start until ipamd serves", labelNames: ["success", "with_api_server", "failure_reason"]);
        _nodeInit = f.CreateHistogram("awscni_ipamd_node_initialization_duration_seconds", "Time node initialisation took", labelNames: ["success"]);
        f.CreateGauge("awscni_connmark_backend", "1 for the packet-filter backend in use for connmark rules", "backend");
        var connmark = f.CreateCounter("awscni_connmark_reconcile_total", "Connmark rule set-ups and clean-ups, by result", "result");
        connmark.WithLabels("success");
        connmark.WithLabels("error");
        var version = typeof(AwsCniMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        f.CreateGauge("awscni_build_info", "Build of vpc-cni-node; goversion carries the .NET runtime", "version", "goversion")
            .WithLabels(version, RuntimeInformation.FrameworkDescription).Set(1);

        // Ours: the metrics the VPC CNI monitoring queries in docs/service.md use.
        _ipAllocations = f.CreateCounter("awscni_ip_allocation_total", "Addresses newly assigned to pods by AddNetwork");
        _eniAllocationErrors = f.CreateCounter("awscni_eni_allocation_error_count", "Failed attempts to create or attach an ENI");
        _podEniWait = f.CreateHistogram("awscni_pod_eni_allocation_duration_seconds", "Time a branch-ENI pod waited at this node for its branch ENI, from the first AddNetwork the node refused to the one it answered (security groups for pods)");
        _cooldownQueue = f.CreateGauge("awscni_ip_cooldown_queue_size", "Released addresses still in their cooldown period");
        _reconcileErrors = f.CreateCounter("awscni_reconcile_error_count", "Failed reconciliations of the datastore with EC2 and IMDS");

        Registry.AddBeforeCollectCallback(UpdatePool);
    }

    /// <summary>The registry the metrics endpoint exports.</summary>
    public CollectorRegistry Registry { get; }

    public void AddNetworkRequested() => _addRequests.Inc();

    public void AddressAssigned(bool repeat)
    {
        if (!repeat)
        {
            _ipAllocations.Inc();
        }
    }

    public void NoAddressAvailable() => _noAvailable.Inc();

    public void DelNetworkRequested(string reason) => _delRequests.WithLabels(reason ?? string.Empty).Inc();

    public void BranchEniAnswered(TimeSpan waited) => _podEniWait.Observe(Math.Max(0, waited.TotalSeconds));

    /// <summary>Sets the pool gauges from the last published snapshot; runs before every scrape.</summary>
    private void UpdatePool()
    {
        var snapshot = _datastore.Snapshot();
        var stats = snapshot.Stats;
        _eniAllocated.Set(stats.EniCount);
        _totalIps.Set(stats.TotalIps);
        _assignedIps.Set(stats.AssignedIps);
        _totalPrefixes.Set(stats.TotalPrefixes);
        _cooldownQueue.Set(stats.CooldownIps);
        _forceRemovedIps.IncTo(snapshot.ForceRemovedAddresses);
        _forceRemovedEnis.IncTo(snapshot.ForceRemovedEnis);

        var perEni = snapshot.Enis.ToDictionary(e => e.Descriptor.Id, e => e.AssignedCount, StringComparer.Ordinal);
        var perCidr = snapshot.Enis.SelectMany(e => e.Cidrs).ToDictionary(c => c.Network.ToString(), c => c.AssignedCount, StringComparer.Ordinal);
        SetLabelled(_assignedPerEni, perEni);
        SetLabelled(_assignedPerCidr, perCidr);
    }

    private static void SetLabelled(Gauge gauge, Dictionary<string, int> values)
    {
        foreach (var stale in gauge.GetAllLabelValues().Where(l => !values.ContainsKey(l[0])).ToArray())
        {
            gauge.RemoveLabelled(stale);
        }

        foreach (var (label, value) in values)
        {
            gauge.WithLabels(label).Set(value);
        }
    }
}
