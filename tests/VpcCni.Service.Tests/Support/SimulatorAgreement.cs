using VpcCni.Simulator.Hosting;

namespace VpcCni.Service.Tests.Support;

/// <summary>
/// Compares what a node's datastore says (its introspection view) with what the simulated EC2 holds,
/// the way an operator would audit a node: every ENI the node tagged is attached and tracked, or gone;
/// every tracked ENI is attached with exactly the addresses and prefixes EC2 gives it.
/// </summary>
public static class SimulatorAgreement
{
    /// <summary>The tag <c>Ec2EniProvider</c> puts on every ENI it creates.</summary>
    public const string InstanceTag = "node.k8s.amazonaws.com/instance_id";

    /// <summary>Each disagreement as a sentence; empty when the node and EC2 agree and nothing leaked.</summary>
    public static IReadOnlyList<string> Disagreements(SimulatorServer sim, IReadOnlyDictionary<string, HashSet<string>> datastore)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(datastore);
        var enis = sim.World.Inspect(w => w.NetworkInterfaces.Values.Select(e => (
            e.Id,
            e.Status,
            AttachedTo: e.Attachment?.InstanceId,
            Tagged: e.Tags.GetValueOrDefault(InstanceTag),
            Cidrs: e.SecondaryIps.Select(a => a + "/32").Concat(e.Ipv4Prefixes.Select(p => p.ToString())).ToHashSet(StringComparer.Ordinal))).ToList());
        var instance = sim.World.DefaultInstanceId;
        var problems = new List<string>();
        foreach (var eni in enis.Where(e => e.Tagged == instance && e.AttachedTo != instance))
        {
            problems.Add($"{eni.Id} carries the node's tag but is {eni.Status}, not attached to {instance} (leaked)");
        }

        foreach (var eni in enis.Where(e => e.AttachedTo == instance))
        {
            if (!datastore.TryGetValue(eni.Id, out var tracked))
            {
                problems.Add($"{eni.Id} is attached ({eni.Status}) but not in the datastore");
            }
            else if (!tracked.SetEquals(eni.Cidrs))
            {
                problems.Add($"{eni.Id}: datastore has [{string.Join(", ", tracked.Order(StringComparer.Ordinal))}], EC2 has [{string.Join(", ", eni.Cidrs.Order(StringComparer.Ordinal))}]");
            }
        }

        foreach (var id in datastore.Keys.Where(id => !enis.Any(e => e.Id == id && e.AttachedTo == instance)))
        {
            problems.Add($"{id} is in the datastore but not attached to {instance} in EC2");
        }

        return problems;
    }
}
