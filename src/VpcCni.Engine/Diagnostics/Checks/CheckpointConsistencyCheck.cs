using VpcCni.Engine.Ipam.Checkpoint;

namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>
/// The checkpoint file (<c>ipam.json</c>, docs/ipam.md) holds exactly the pods the datastore serves on
/// <c>/v1/pods</c>, each with the same address: after a restart the node restores from the file, so a
/// pod missing there would lose its address and one extra would hold an address for ever.
/// </summary>
public sealed class CheckpointConsistencyCheck : INodeCheck
{
    public string Name => "Checkpoint";

    public string Description => "The checkpoint file agrees with the datastore's pods";

    public async Task<NodeCheckResult> RunAsync(NodeCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Options.CheckpointPath;
        var served = (await context.PodsAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(p => p.ContainerId + "/" + p.IfName, p => p.Address.ToString(), StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            // The service writes the file with the first assignment; before it there is nothing to restore.
            return served.Count == 0
                ? NodeCheckResult.Pass(Name, $"No checkpoint at {path} yet, and no pod to restore.")
                : NodeCheckResult.Fail(Name, $"No checkpoint at {path}, but the datastore serves {served.Count} pods.",
                    "Give the node's checkpoint path (-CheckpointPath; the service's Datastore:CheckpointPath). If that is the path, the service cannot write it: its journal says why.");
        }

        var checkpoint = await new JsonFileCheckpointStore(path, CheckpointDurability.Atomic).ReadAsync(cancellationToken).ConfigureAwait(false);
        var inFile = (checkpoint?.Allocations ?? []).Where(a => a.Ipv4 is not null)
            .ToDictionary(a => a.ContainerId + "/" + a.InterfaceName, a => a.Ipv4!, StringComparer.Ordinal);

        var missing = served.Where(p => !inFile.TryGetValue(p.Key, out var a) || a != p.Value).Select(p => $"{p.Key} {p.Value}").ToArray();
        var extra = inFile.Where(p => !served.ContainsKey(p.Key)).Select(p => $"{p.Key} {p.Value}").ToArray();
        if (missing.Length == 0 && extra.Length == 0)
        {
            return NodeCheckResult.Pass(Name, $"{inFile.Count} allocations in {path}, as the datastore serves them.");
        }

        return NodeCheckResult.Fail(Name,
            $"{path} differs from the datastore: {(missing.Length > 0 ? "not in the file (or another address): " + string.Join(", ", missing) + ". " : string.Empty)}{(extra.Length > 0 ? "only in the file: " + string.Join(", ", extra) + "." : string.Empty)}",
            "A write may have failed (disk full, read-only /var/run); the service's journal says. A restart of the service rewrites the file from what it restores.");
    }
}
