using System.Net;
using System.Net.Sockets;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.Namespaces;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Plugin.Cni;

namespace VpcCni.Plugin.Commands;

/// <summary>
/// CHECK (CNI spec, "CHECK"): the pod's interfaces, addresses, default route and gateway entry, and
/// the host veth, /32 route and rules 512/1536, against prevResult. Every difference is named in one
/// error (code 100); a namespace that is gone is an unknown container (code 3).
/// </summary>
internal sealed class CheckCommand(CommandContext context)
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        var prev = PrevResultView.From(context.Conf.PrevResult, context.Pod, context.Env.IfName)
            ?? throw new CniException(CniErrorCodes.InvalidNetworkConfig, ErrorIds.Plugin.InvalidConfig, "CHECK needs a prevResult of this pod with its addresses (the result of the ADD it checks).");
        if (!File.Exists(context.Env.Netns))
        {
            throw new CniException(CniErrorCodes.UnknownContainer, ErrorIds.Plugin.NetnsNotFound, $"CNI_NETNS {context.Env.Netns} does not exist.");
        }

        var problems = new List<string>();
        using var dataplane = new PodDataplane(context);
        try
        {
            using var pod = RtNetlink.OpenIn(context.Host.NetNs, context.Env.Netns);
            foreach (var attachment in prev.Interfaces)
            {
                var request = dataplane.Request(attachment.Address, attachment.RouteTable, attachment.Index);
                CheckPod(pod, request, problems);
                if (prev.VlanId == 0)
                {
                    CheckHost(dataplane.Host, request, problems);
                }
            }
        }
        catch (NetNsNotFoundException e)
        {
            throw new CniException(CniErrorCodes.UnknownContainer, ErrorIds.Plugin.NetnsNotFound, $"CNI_NETNS {context.Env.Netns} is gone.", e);
        }

        return problems.Count == 0
            ? Task.CompletedTask
            : throw new CniException(CniErrorCodes.CheckFailed, ErrorIds.Plugin.CheckFailed, "The pod's network differs from prevResult: " + string.Join("; ", problems) + ".");
    }

    private static void CheckPod(RtNetlink pod, PodNetworkRequest request, List<string> problems)
    {
        var link = pod.FindLinkByName(request.PodInterface);
        if (link is null || !link.IsUp)
        {
            problems.Add($"pod interface {request.PodInterface} is {(link is null ? "missing" : "down")}");
            return;
        }

        if (!pod.ListAddresses(link.Index, AddressFamily.InterNetwork).Any(a => a.Address.Equals(request.PodIp) && a.PrefixLength == 32))
        {
            problems.Add($"{request.PodInterface} lacks {request.PodIp}/32");
        }

        var table = request.InterfaceIndex == 0 ? RouteTables.Main : request.InterfaceIndex;
        if (!pod.ListRoutes(AddressFamily.InterNetwork, table).Any(r => r.Destination.PrefixLength == 0 && request.Gateway.Equals(r.Gateway) && r.LinkIndex == link.Index))
        {
            problems.Add($"the pod has no default route via {request.Gateway} dev {request.PodInterface}");
        }

        if (!pod.ListNeighbours(AddressFamily.InterNetwork, link.Index).Any(n => n.Address.Equals(request.Gateway) && n.IsPermanent))
        {
            problems.Add($"the pod has no permanent neighbour entry for {request.Gateway}");
        }
    }

    private static void CheckHost(RtNetlink host, PodNetworkRequest request, List<string> problems)
    {
        var veth = host.FindLinkByName(request.HostVeth);
        if (veth is null || !veth.IsUp)
        {
            problems.Add($"host veth {request.HostVeth} is {(veth is null ? "missing" : "down")}");
        }

        var prefix = new IPNetwork(request.PodIp, 32);
        if (veth is not null && !host.ListRoutes(AddressFamily.InterNetwork, RouteTables.Main).Any(r => r.Destination == prefix && r.LinkIndex == veth.Index))
        {
            problems.Add($"the host has no route {prefix} dev {request.HostVeth}");
        }

        var rules = host.ListRules(AddressFamily.InterNetwork);
        if (!rules.Any(r => r.Priority == PodNetworkWiring.ToPodRulePriority && r.Destination == prefix && r.Table == RouteTables.Main))
        {
            problems.Add($"the host has no rule {PodNetworkWiring.ToPodRulePriority}: to {prefix} lookup main");
        }

        if (request.RouteTable != RouteTables.Main && !rules.Any(r => r.Priority == PodNetworkWiring.FromPodRulePriority && r.Source == prefix && r.Table == request.RouteTable))
        {
            problems.Add($"the host has no rule {PodNetworkWiring.FromPodRulePriority}: from {prefix} lookup {request.RouteTable}");
        }
    }
}
