using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Kubernetes;
using VpcCni.Service.Kubernetes;

namespace VpcCni.Service.Cluster;

/// <summary>
/// Whether this node takes new pods, from its Node object's taints as the Node view last saw them:
/// a cordoned node (<c>node.kubernetes.io/unschedulable:NoSchedule</c>, <see cref="KubernetesNodeTaints"/>)
/// is not. Unless <c>AWS_MANAGE_ENIS_NON_SCHEDULABLE</c> is true, the warm-pool planner then neither grows
/// the pool nor frees ENIs (upstream <c>pkg/ipamd/ipamd.go</c> <c>increaseDatastorePool</c> and
/// <c>tryFreeENI</c> check <c>isNodeNonSchedulable</c>). Without the API, or before the Node was read,
/// the node counts as schedulable, as upstream's check answers when its read fails. Each change is
/// logged once and completes <see cref="NextChange"/>, so the pool loop ticks at once on an uncordon.
/// </summary>
public sealed class NodeSchedulability : IDisposable
{
    private readonly NodeKubernetes _kubernetes;
    private readonly IOptionsMonitor<VpcCniSettings> _settings;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _schedulable = true;

    public NodeSchedulability(NodeKubernetes kubernetes, IOptionsMonitor<VpcCniSettings> settings, ILogger<NodeSchedulability> logger)
    {
        _kubernetes = kubernetes ?? throw new ArgumentNullException(nameof(kubernetes));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        if (_kubernetes.Views is { } views)
        {
            views.Node.Changed += OnNodeChanged;
            Refresh();
        }
    }

    /// <summary>False while the Node carries the cordon taint.</summary>
    public bool IsSchedulable
    {
        get
        {
            lock (_gate)
            {
                return _schedulable;
            }
        }
    }

    /// <summary>Completes at the next change of <see cref="IsSchedulable"/>; take it before reading the state.</summary>
    public Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>
    /// What introspection serves at <c>/v1/node</c> (ours; docs/service.md, "Introspection"): the node's name,
    /// whether it is schedulable, and whether that was read from the API (<c>Source</c> <c>kubernetes</c>) or
    /// assumed (<c>none</c>). The warm-pool forecast reads <c>Schedulable</c>.
    /// </summary>
    public IReadOnlyDictionary<string, object> View() => new SortedDictionary<string, object>(StringComparer.Ordinal)
    {
        ["NodeName"] = _kubernetes.NodeName,
        ["Schedulable"] = IsSchedulable,
        ["Source"] = _kubernetes.Views?.NodeInfo is null ? "none" : "kubernetes",
    };

    public void Dispose()
    {
        if (_kubernetes.Views is { } views)
        {
            views.Node.Changed -= OnNodeChanged;
        }
    }

    private void OnNodeChanged(object? sender, EventArgs e) => Refresh();

    private void Refresh()
    {
        var node = _kubernetes.Views?.NodeInfo;
        var schedulable = node is null || !KubernetesNodeTaints.IsUnschedulable(node);
        TaskCompletionSource fired;
        lock (_gate)
        {
            if (schedulable == _schedulable)
            {
                return;
            }

            _schedulable = schedulable;
            fired = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (schedulable)
        {
            ClusterLog.NodeSchedulable(_logger, _kubernetes.NodeName);
        }
        else if (_settings.CurrentValue.Ipam.ManageEnisNonSchedulable)
        {
            ClusterLog.NodeUnschedulableManaged(_logger, _kubernetes.NodeName);
        }
        else
        {
            ClusterLog.NodeUnschedulable(_logger, _kubernetes.NodeName);
        }

        fired.TrySetResult();
    }
}
