using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Kubernetes;
using VpcCni.Service.Kubernetes;

namespace VpcCni.Service.Cluster;

/// <summary>
/// An EC2 call refused with <c>UnauthorizedOperation</c> becomes a Warning Event with reason
/// <c>MissingIAMPermissions</c> that names the action, on the service's own pod, so <c>kubectl describe
/// pod</c> and <c>kubectl get events</c> show what the node's role lacks (upstream <c>pkg/awsutils/awsutils.go</c>
/// <c>checkAPIErrorAndBroadcastEvent</c>, recorded through <c>pkg/utils/eventrecorder</c> as <c>aws-node</c>).
/// Every EC2 call passes through <see cref="IAwsCallObserver"/>, so the pool loop, node start, the
/// reconciler and the leaked-ENI cleanup are all covered. At most one Event (and one log line) per action
/// per <see cref="ClusterWriteOptions.EventInterval"/>; the Event's <c>count</c> carries the refusals
/// since the last one. Without the API only the log line is written.
/// </summary>
public sealed class MissingPermissionEvents : BackgroundService
{
    /// <summary>The Event's reason, upstream's.</summary>
    public const string Reason = "MissingIAMPermissions";

    /// <summary>The Event's source component, upstream's event recorder's.</summary>
    public const string Component = "aws-node";

    private readonly NodeKubernetes _kubernetes;
    private readonly KubernetesClusterWriter? _writer;
    private readonly ClusterWriteOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);

    // Bounded: at most one item per action per interval enters, so this only drops in a pathological burst.
    private readonly Channel<Refusals> _queue = Channel.CreateBounded<Refusals>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public MissingPermissionEvents(NodeKubernetes kubernetes, IOptions<ClusterWriteOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _kubernetes = kubernetes ?? throw new ArgumentNullException(nameof(kubernetes));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options.Value;
        _logger = loggers.CreateLogger<MissingPermissionEvents>();
        _writer = kubernetes.Writer;
    }

    /// <summary>The Event's message for a refused <paramref name="action"/>.</summary>
    public static string Message(string action) =>
        $"Unauthorized operation: the node's IAM role may not call ec2:{action}, so this node cannot do what needs it. "
        + "Add the action to the role's policy: docs/iam.md of VpcCni lists the policy a node needs, and Get-VpcCniIamPolicy writes it.";

    /// <summary>Hears one finished AWS call; a refused EC2 call is counted and, once per interval, reported. Never throws or blocks.</summary>
    public void Observe(AwsCallOutcome outcome)
    {
        if (!outcome.IsEc2 || outcome.ErrorCode != Ec2ErrorCodes.UnauthorizedOperation)
        {
            return;
        }

        var now = _time.GetUtcNow();
        Refusals due;
        lock (_gate)
        {
            if (_windows.TryGetValue(outcome.Api, out var window) && now - window.ReportedAt < _options.EventInterval)
            {
                window.Unreported++;
                window.FirstUnreported ??= now;
                return;
            }

            due = new Refusals(outcome.Api, (window?.Unreported ?? 0) + 1, window?.FirstUnreported ?? now, now);
            _windows[outcome.Api] = new Window { ReportedAt = now };
        }

        ClusterLog.MissingPermission(_logger, outcome.Api, due.Count, _writer is not null);
        if (_writer is not null && !_queue.Writer.TryWrite(due))
        {
            ClusterLog.EventDropped(_logger, outcome.Api);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_writer is null)
        {
            return;
        }

        try
        {
            await foreach (var refusals in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var record = Record(refusals);
                using var limit = new CancellationTokenSource(_options.WriteTimeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, limit.Token);
                try
                {
                    await _writer.CreateEventAsync(record, linked.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The log line above already told the operator; the Event is the cluster-side copy.
                    ClusterLog.EventFailed(_logger, record.Reason, refusals.Action, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private KubernetesEventRecord Record(Refusals refusals)
    {
        var node = _kubernetes.NodeName;
        var views = _kubernetes.Views;

        // Upstream records on its own aws-node pod; a host install has none, and the Node is the next best object.
        var (kind, ns, name, uid) = _options.PodName.Length > 0
            ? ("Pod", _options.PodNamespace, _options.PodName, Uid(views?.Pods.Items, _options.PodNamespace, _options.PodName))
            : ("Node", "default", node, Uid(views?.Node.Items, null, node));
        return new KubernetesEventRecord(
            kind, ns, name, uid, "Warning", Reason, Message(refusals.Action), Component, node, refusals.Count, refusals.First, refusals.Last);
    }

    private static string? Uid(IReadOnlyList<JsonObject>? items, string? ns, string name) =>
        items?.FirstOrDefault(o => (string?)o["metadata"]?["name"] == name && (ns is null || (string?)o["metadata"]?["namespace"] == ns))
            ?["metadata"]?["uid"] is JsonValue v && v.TryGetValue<string>(out var uid) ? uid : null;

    private readonly record struct Refusals(string Action, int Count, DateTimeOffset First, DateTimeOffset Last);

    private sealed class Window
    {
        public DateTimeOffset ReportedAt { get; init; }

        public int Unreported { get; set; }

        public DateTimeOffset? FirstUnreported { get; set; }
    }
}
