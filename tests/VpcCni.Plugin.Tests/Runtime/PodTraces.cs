namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>
/// What a pod leaves on the node's side, read from the kernel of the node namespace: host veths
/// (vethPrefix <c>eni</c>), /32 routes in the main table, and rules 512 (<c>to pod lookup main</c>)
/// and 1536 (<c>from pod lookup ENI table</c>, docs/dataplane.md).
/// </summary>
public sealed record PodTraces(List<string> Veths, List<string> Routes, List<string> Rules)
{
    public static async Task<PodTraces> ReadAsync(string nodeNamespace, string? address = null)
    {
        var veths = (await KernelView.LinksAsync(nodeNamespace)).Where(l => l.StartsWith("eni", StringComparison.Ordinal)).ToList();
        var routes = (await KernelView.RoutesAsync(nodeNamespace)).Where(r => r.Contains(" dev eni", StringComparison.Ordinal)).ToList();
        var rules = (await KernelView.RulesAsync(nodeNamespace)).Where(r => r.StartsWith("512:", StringComparison.Ordinal) || r.StartsWith("1536:", StringComparison.Ordinal)).ToList();
        if (address is not null)
        {
            routes = [.. routes.Where(r => r.StartsWith(address + " ", StringComparison.Ordinal))];
            rules = [.. rules.Where(r => r.Contains(" " + address + "/32 ", StringComparison.Ordinal))];
        }

        return new PodTraces(veths, routes, rules);
    }

    /// <summary>Whether the pod has a rule 1536, i.e. its address is on a secondary ENI with its own route table.</summary>
    public bool OnSecondaryEni => Rules.Any(r => r.StartsWith("1536:", StringComparison.Ordinal));

    public bool Empty => Veths.Count == 0 && Routes.Count == 0 && Rules.Count == 0;

    public override string ToString() =>
        $"veths [{string.Join(", ", Veths)}], routes [{string.Join(", ", Routes)}], rules [{string.Join(", ", Rules)}]";
}
