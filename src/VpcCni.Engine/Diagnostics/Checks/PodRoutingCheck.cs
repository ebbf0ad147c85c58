using System.Net;
using System.Net.Sockets;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>
/// Each pod the node serves has its host side in the namespace (docs/dataplane.md): rule 512
/// <c>to &lt;pod&gt;/32 lookup main</c>, rule 1536 <c>from &lt;pod&gt;/32 lookup &lt;ENI table&gt;</c> for a pod
/// on a secondary ENI, and the route <c>&lt;pod&gt;/32 dev &lt;host veth&gt; scope link</c> in main.
/// </summary>
public sealed class PodRoutingCheck : INodeCheck
{
    public string Name => "PodRoutes";

    public string Description => "Each pod's rules 512/1536 and host /32 route via its veth are present";

    public async Task<NodeCheckResult> RunAsync(NodeCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await KernelCheckGate.NotCheckableAsync(context, Name, cancellationToken).ConfigureAwait(false) is { } skip)
        {
            return skip;
        }

        var pods = (await context.PodsAsync(cancellationToken).ConfigureAwait(false)).Where(p => p.Address.AddressFamily == AddressFamily.InterNetwork).ToArray();
        var prefix = await context.SettingAsync("AWS_VPC_K8S_CNI_VETHPREFIX", cancellationToken).ConfigureAwait(false) ?? VethNames.DefaultPrefix;
        var problems = context.InNamespace(netlink =>
        {
            var rules = netlink.ListRules(AddressFamily.InterNetwork);
            var routes = netlink.ListRoutes(AddressFamily.InterNetwork, RouteEntry.MainTable);
            var found = new List<string>();
            foreach (var pod in pods)
            {
                var host = new IPNetwork(pod.Address, 32);
                var veth = VethNames.HostVeth(prefix, pod.PodNamespace, pod.PodName);
                var link = netlink.FindLinkByName(veth);
                if (!rules.Any(r => r.Priority == PodNetworkWiring.ToPodRulePriority && r.Destination == host && r.Table == RouteEntry.MainTable))
                {
                    found.Add($"{pod.PodNamespace}/{pod.PodName} {pod.Address}: no rule {PodNetworkWiring.ToPodRulePriority} to {host} lookup main");
                }

                if (pod.RouteTableId != RouteEntry.MainTable && pod.RouteTableId > 0
                    && !rules.Any(r => r.Priority == PodNetworkWiring.FromPodRulePriority && r.Source == host && r.Table == pod.RouteTableId))
                {
                    found.Add($"{pod.PodNamespace}/{pod.PodName} {pod.Address}: no rule {PodNetworkWiring.FromPodRulePriority} from {host} lookup {pod.RouteTableId}");
                }

                if (link is null)
                {
                    found.Add($"{pod.PodNamespace}/{pod.PodName} {pod.Address}: no host veth {veth}");
                }
                else if (!routes.Any(r => r.Destination == host && r.LinkIndex == link.Index))
                {
                    found.Add($"{pod.PodNamespace}/{pod.PodName} {pod.Address}: no route {host} dev {veth}");
                }
            }

            return found;
        });

        return problems.Count == 0
            ? NodeCheckResult.Pass(Name, $"{pods.Length} pods have their rules and host routes.")
            : NodeCheckResult.Fail(Name, string.Join("; ", problems) + ".",
                "The service rewrites rules 512/1536 of every pod at start (restart it); a missing veth or route means the pod's sandbox must be recreated (delete the pod).");
    }
}
