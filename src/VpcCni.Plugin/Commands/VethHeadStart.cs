using Microsoft.Extensions.Logging;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Engine.SecurityGroups;
using VpcCni.Plugin.Logging;

namespace VpcCni.Plugin.Commands;

/// <summary>
/// ADD's veth pair made on its own thread while the node service chooses the address: the pair
/// needs only the pod's names, namespace and MTU (<see cref="PodNetworkWiring.CreateVethPair"/>), so
/// the kernel's work and the gRPC call overlap instead of adding up (docs/plugin.md, "Start-up").
/// A pair that ADD does not use is deleted again before the command ends.
/// </summary>
internal sealed class VethHeadStart
{
    private readonly Task<PodVethPair> _pair;
    private readonly ILogger _log;
    private bool _taken;

    private VethHeadStart(Task<PodVethPair> pair, ILogger log)
    {
        _pair = pair;
        _log = log;
    }

    /// <summary>
    /// Starts the pair of the pod's first interface, unless the runtime's pod annotations say the pod
    /// has a branch ENI: such a pod gets a VLAN and a veth of another name, so a pair made now would
    /// only be deleted again.
    /// </summary>
    public static VethHeadStart? Start(PodDataplane dataplane, CommandContext context)
    {
        return context.Conf.PodAnnotations.ContainsKey(PodEniAnnotation.Key)
            ? null
            : new VethHeadStart(dataplane.AheadOnFirstInterface((pods, request) => pods.CreateVethPair(request)), context.Logger);
    }

    /// <summary>The pair, for ADD to finish; from here on ADD owns it. A failure to make it surfaces here.</summary>
    public async Task<PodVethPair> TakeAsync()
    {
        _taken = true;
        return await _pair.ConfigureAwait(false);
    }

    /// <summary>Deletes the pair unless ADD took it; a pair that could not be made left nothing behind.</summary>
    public async Task DiscardAsync()
    {
        if (_taken)
        {
            return;
        }

        _taken = true;
        try
        {
            var pair = await _pair.ConfigureAwait(false);
            var removed = pair.Discard();
            PluginLog.UnusedVethDeleted(_log, pair.Links.HostVeth, removed);
        }
        catch (Exception e) when (e is Engine.Errors.VpcCniException or IOException)
        {
            PluginLog.UnusedVethFailed(_log, e);
        }
    }
}
