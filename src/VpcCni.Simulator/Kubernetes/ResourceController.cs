using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Manifests;
using VpcCni.Engine.SecurityGroups;
using VpcCni.Simulator.Ec2;
using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// A small, stateful stand-in for the VPC resource controller (amazon-vpc-resource-controller-k8s)
/// over the loopback API server's store and the simulated EC2 world. A CNINode that lists the
/// <c>SecurityGroupsForPods</c> feature gets its instance a trunk ENI (interface type <c>trunk</c>, the
/// node's subnet and groups, the next free device index of card 0) and its Node the label
/// <c>vpc.amazonaws.com/has-trunk-attached=true</c>. A pod on such a node that a SecurityGroupPolicy
/// selects (<see cref="SecurityGroupPolicyEvaluator"/>) gets a branch ENI in the trunk's subnet with the
/// policy's groups, a VLAN id unique on its trunk (1 and up), and the <c>vpc.amazonaws.com/pod-eni</c>
/// annotation; the branch ENI is deleted with the pod. Not modelled: the pod webhook (no
/// <c>vpc.amazonaws.com/pod-eni</c> resource is injected), service-account selectors (service accounts
/// are not served, so their labels are none), CNINode status, IPv6 branches. docs/simulator.md.
/// </summary>
public sealed class ResourceController : IHostedService, IAsyncDisposable
{
    public const string FeatureName = "SecurityGroupsForPods";
    public const string HasTrunkLabel = "vpc.amazonaws.com/has-trunk-attached";
    private const string MergePatch = "application/merge-patch+json";

    private readonly KubeObjectStore _store;
    private readonly SimWorld _world;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Branch> _branches = new(StringComparer.Ordinal);
    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<KubeWatchSubscription> _watches = [];
    private CancellationTokenSource? _stop;
    private IDisposable? _webhook;
    private Task _loop = Task.CompletedTask;

    public ResourceController(KubeObjectStore store, SimWorld world, ILoggerFactory? loggers = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _world = world ?? throw new ArgumentNullException(nameof(world));
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<ResourceController>();
    }

    /// <summary>Watches CNINodes, pods and SecurityGroupPolicies and reconciles after every change; runs the pod webhook.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stop = new CancellationTokenSource();
        _webhook = _store.Admission.Register(KubeResourceCatalog.Pods, (pod, ns) => PodEniWebhook.Mutate(pod, ns ?? "default", Policies()));
        foreach (var type in new[] { KubeResourceCatalog.CniNodes, KubeResourceCatalog.Pods, KubeResourceCatalog.SecurityGroupPolicies })
        {
            var watch = _store.Watch(KubeWatchFilter.All(type), null);
            _watches.Add(watch);
            _ = ForwardAsync(watch, _stop.Token);
        }

        _loop = RunAsync(_stop.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _webhook?.Dispose();
        _webhook = null;
        _watches.ForEach(w => w.Dispose());
        _watches.Clear();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _stop = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    /// <summary>One pass over the cluster (tests call it to drive the controller without its loop).</summary>
    public void Reconcile()
    {
        lock (_gate)
        {
            var trunks = new Dictionary<string, SimNetworkInterface>(StringComparer.Ordinal);
            foreach (var cniNode in _store.List(KubeWatchFilter.All(KubeResourceCatalog.CniNodes)).Items.Where(WantsTrunk))
            {
                var node = (string?)cniNode["metadata"]?["name"] ?? string.Empty;
                if (EnsureTrunk(node) is { } trunk)
                {
                    trunks[node] = trunk;
                }
            }

            var pods = _store.List(KubeWatchFilter.All(KubeResourceCatalog.Pods)).Items;
            ReleaseGoneBranches(pods);
            var policies = Policies();
            foreach (var pod in pods)
            {
                if ((string?)pod["spec"]?["nodeName"] is { } node && trunks.TryGetValue(node, out var trunk)
                    && pod["metadata"]?["annotations"]?[PodEniAnnotation.Key] is null && pod["metadata"]?["deletionTimestamp"] is null)
                {
                    GiveBranch(pod, trunk, policies);
                }
            }
        }
    }

    private static bool WantsTrunk(JsonObject cniNode) =>
        (cniNode["spec"]?["features"] as JsonArray ?? []).Any(f => (string?)f?["name"] == FeatureName);

    private async Task ForwardAsync(KubeWatchSubscription watch, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in watch.Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                _dirty.Writer.TryWrite(true);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await _dirty.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            _dirty.Reader.TryRead(out _);
            Reconcile();
        }
    }

    /// <summary>The node's attached trunk, attaching one when there is none; null when the node's instance is unknown or full.</summary>
    private SimNetworkInterface? EnsureTrunk(string nodeName)
    {
        var (trunk, problem) = _world.Inspect<(SimNetworkInterface?, string?)>(world =>
        {
            var nodeObject = _store.List(KubeWatchFilter.All(KubeResourceCatalog.Nodes)).Items.FirstOrDefault(n => (string?)n["metadata"]?["name"] == nodeName);
            if (ResourceControllerInstances.Find(world, nodeName, nodeObject) is not { } instance)
            {
                return (null, "no instance of the world is that node (spec.providerID, or ip-a-b-c-d in its name)");
            }

            var attached = InstanceHandlers.AttachedTo(world, instance).ToList();
            if (attached.Find(e => e.InterfaceType == "trunk") is { } existing)
            {
                return (existing, null);
            }

            var used = attached.Where(e => e.Attachment!.NetworkCardIndex == 0).Select(e => e.Attachment!.DeviceIndex).ToHashSet();
            if (used.Count >= instance.Limits.EniLimitOfCard(0) || attached.Count >= instance.MaximumNetworkInterfaces)
            {
                return (null, $"instance {instance.Id} has no free ENI slot");
            }

            var primary = world.NetworkInterfaces[instance.PrimaryNetworkInterfaceId];
            var eni = world.CreateNetworkInterface(world.Subnet(instance.SubnetId), null);
            eni.InterfaceType = "trunk";
            eni.Description = "trunk ENI of " + nodeName;
            eni.GroupIds.AddRange(primary.GroupIds);
            var device = Enumerable.Range(1, 99).First(d => !used.Contains(d));
            world.Attach(eni, instance, device, 0, immediate: false);
            ResourceControllerLog.TrunkAttached(_logger, eni.Id, instance.Id, nodeName, device);
            return (eni, null);
        });
        if (trunk is null)
        {
            ResourceControllerLog.TrunkRefused(_logger, nodeName, problem!);
            return null;
        }

        var node = _store.List(KubeWatchFilter.All(KubeResourceCatalog.Nodes)).Items.FirstOrDefault(n => (string?)n["metadata"]?["name"] == nodeName);
        if (node is not null && (string?)node["metadata"]?["labels"]?[HasTrunkLabel] != "true")
        {
            _store.Patch(KubeResourceCatalog.Nodes, null, nodeName, new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [HasTrunkLabel] = "true" } },
            }, MergePatch);
        }

        return trunk;
    }

    private List<SecurityGroupPolicy> Policies()
    {
        var policies = new List<SecurityGroupPolicy>();
        foreach (var obj in _store.List(KubeWatchFilter.All(KubeResourceCatalog.SecurityGroupPolicies)).Items)
        {
            try
            {
                policies.AddRange(SecurityGroupPolicyManifestReader.Read(obj.ToJsonString(), "the loopback API server"));
            }
            catch (Engine.Errors.VpcCniException)
            {
                // An unreadable policy selects nothing, as the real controller skips an invalid one.
            }
        }

        return policies;
    }

    private void GiveBranch(JsonObject pod, SimNetworkInterface trunk, List<SecurityGroupPolicy> policies)
    {
        var ns = (string?)pod["metadata"]?["namespace"] ?? "default";
        var name = (string?)pod["metadata"]?["name"] ?? string.Empty;
        var groups = PodEniWebhook.GroupsOf(pod, ns, policies);
        if (groups.Count == 0)
        {
            return;
        }

        var vlan = Enumerable.Range(1, 4094).FirstOrDefault(v => !_branches.Values.Any(b => b.TrunkId == trunk.Id && b.VlanId == v));
        var (eni, subnet) = _world.Inspect<(SimNetworkInterface?, System.Net.IPNetwork)>(world =>
        {
            var subnet = world.Subnet(trunk.SubnetId);
            try
            {
                var eni = world.CreateNetworkInterface(subnet, null);
                eni.InterfaceType = "branch";
                eni.Description = $"branch ENI of {ns}/{name}";
                eni.GroupIds.AddRange(groups);
                return (eni, subnet.CidrBlock);
            }
            catch (Ec2Exception e)
            {
                ResourceControllerLog.BranchRefused(_logger, ns, name, e.Message);
                return (null, subnet.CidrBlock);
            }
        });
        if (eni is null || vlan == 0)
        {
            return;
        }

        var entry = new JsonObject
        {
            ["eniId"] = eni.Id,
            ["ifAddress"] = eni.MacAddress,
            ["privateIp"] = eni.PrimaryIp.ToString(),
            ["vlanId"] = vlan,
            ["subnetCidr"] = subnet.ToString(),
            ["associationID"] = "trunk-assoc-" + eni.Id[4..],
        };
        _store.Patch(KubeResourceCatalog.Pods, ns, name, new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [PodEniAnnotation.Key] = new JsonArray(entry).ToJsonString() } },
        }, MergePatch);
        _branches[eni.Id] = new Branch(trunk.Id, vlan, ns, name, (string?)pod["metadata"]?["uid"] ?? string.Empty);
        var (address, groupList) = (eni.PrimaryIp.ToString(), string.Join(",", groups));
        ResourceControllerLog.BranchCreated(_logger, eni.Id, vlan, address, groupList, ns, name);
    }

    /// <summary>Deletes the branch ENIs whose pod is gone (or was replaced by a pod of the same name).</summary>
    private void ReleaseGoneBranches(IReadOnlyList<JsonObject> pods)
    {
        var live = pods.Select(p => (string?)p["metadata"]?["uid"] ?? string.Empty).ToHashSet(StringComparer.Ordinal);
        foreach (var (eniId, branch) in _branches.Where(b => !live.Contains(b.Value.PodUid)).ToList())
        {
            _branches.Remove(eniId);
            _world.Inspect(world =>
            {
                if (world.NetworkInterfaces.TryGetValue(eniId, out var eni))
                {
                    world.DeleteNetworkInterface(eni);
                }

                return true;
            });
            var podKey = $"{branch.PodNamespace}/{branch.PodName}";
            ResourceControllerLog.BranchDeleted(_logger, eniId, branch.VlanId, podKey);
        }
    }

    private sealed record Branch(string TrunkId, int VlanId, string PodNamespace, string PodName, string PodUid);
}
