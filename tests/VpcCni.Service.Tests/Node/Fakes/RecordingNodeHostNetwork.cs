using System.Net;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Service.Tests.Node.Fakes;

/// <summary>
/// The node-wide host network without root or a network namespace: keeps each setup it was asked for
/// (with how many ENIs were already set up at that moment) and the pod rules currently written, by pod
/// address. With <see cref="Failure"/> set, setup throws it, as a kernel or iptables refusal would.
/// </summary>
internal sealed class RecordingNodeHostNetwork(RecordingEniHostSetup enis, Exception? failure = null) : INodeHostNetwork
{
    private readonly List<(NodeHostNetworkSpec Spec, int EnisAlreadySetUp)> _setups = [];
    private readonly Dictionary<IPAddress, int> _podRules = [];
    private readonly List<int> _rewrites = [];
    private readonly Lock _gate = new();

    public Exception? Failure { get; } = failure;

    /// <summary>Every node-wide setup, in order, with the number of ENIs set up before it.</summary>
    public IReadOnlyList<(NodeHostNetworkSpec Spec, int EnisAlreadySetUp)> Setups
    {
        get
        {
            lock (_gate)
            {
                return [.. _setups];
            }
        }
    }

    /// <summary>The route table of each pod's rules written so far, by pod address.</summary>
    public IReadOnlyDictionary<IPAddress, int> PodRules
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<IPAddress, int>(_podRules);
            }
        }
    }

    /// <summary>How many pods each rewrite was given, in order.</summary>
    public IReadOnlyList<int> Rewrites
    {
        get
        {
            lock (_gate)
            {
                return [.. _rewrites];
            }
        }
    }

    public Task SetupAsync(NodeHostNetworkSpec spec, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _setups.Add((spec, enis.SetUp.Count));
        }

        return Failure is null ? Task.CompletedTask : Task.FromException(Failure);
    }

    public Task RewritePodRulesAsync(IReadOnlyCollection<PodHostRules> pods, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _rewrites.Add(pods.Count);
            foreach (var pod in pods)
            {
                _podRules[pod.PodIp] = pod.RouteTable;
            }
        }

        return Task.CompletedTask;
    }
}
