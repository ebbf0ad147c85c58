using System.Text;

namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// Compares a desired table with the saved one and writes the single <c>iptables-restore --noflush</c>
/// transaction that converges them, or <c>null</c> when they already match (so an unchanged
/// configuration runs no restore at all). Our chains are rewritten whole when they differ; our rules
/// in built-in chains are deleted by their exact text and re-appended in order when their sequence
/// differs, which also keeps the restore-mark rule after the connmark jump (docs/snat.md). Stale chains
/// (AWS-*-CHAIN-N not desired, including the legacy N ≥ 1) are flushed and deleted.
/// </summary>
internal static class IptablesRestorePlanner
{
    public static string? Plan(IptablesDesiredTable desired, IptablesTableSnapshot current)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(current);
        var declare = new List<string>();
        var delete = new List<string>();
        var flush = new List<string>();
        var remove = new List<string>();
        var append = new List<string>();

        foreach (var (chain, rules) in desired.OwnedChains)
        {
            if (current.HasChain(chain) && current.RulesOf(chain).SequenceEqual(rules, StringComparer.Ordinal))
            {
                continue;
            }

            // With --noflush, declaring an existing user chain flushes it; -F makes that explicit
            // for iptables-legacy and iptables-nft alike (iptables-restore(8)).
            declare.Add($":{chain} - [0:0]");
            if (current.HasChain(chain))
            {
                flush.Add($"-F {chain}");
            }

            append.AddRange(rules.Select(rule => $"-A {chain} {rule}"));
        }

        foreach (var chain in current.Chains)
        {
            if (current.IsBuiltIn(chain))
            {
                PlanBuiltIn(chain, desired, current, delete, append);
            }
            else if (IptablesOwnership.IsOwnedChain(chain) && !desired.OwnedChains.ContainsKey(chain))
            {
                flush.Add($"-F {chain}");
                remove.Add($"-X {chain}");
            }
        }

        // A table nobody has used yet may not list its built-in chains at all.
        foreach (var chain in desired.SharedChains.Keys.Where(chain => !current.IsBuiltIn(chain)))
        {
            PlanBuiltIn(chain, desired, current, delete, append);
        }

        if (declare.Count + delete.Count + flush.Count + remove.Count + append.Count == 0)
        {
            return null;
        }

        // Order matters inside the transaction: a chain can be deleted only once nothing jumps to it,
        // so jumps are deleted and stale chains flushed before any -X.
        var script = new StringBuilder();
        script.Append('*').Append(desired.Table).Append('\n');
        foreach (var line in declare.Concat(delete).Concat(flush).Concat(remove).Concat(append))
        {
            script.Append(line).Append('\n');
        }

        script.Append("COMMIT\n");
        return script.ToString();
    }

    private static void PlanBuiltIn(string chain, IptablesDesiredTable desired, IptablesTableSnapshot current, List<string> delete, List<string> append)
    {
        var ours = current.RulesOf(chain).Where(IptablesOwnership.IsOwnedRuleInBuiltInChain).ToList();
        var wanted = desired.SharedChains.TryGetValue(chain, out var rules) ? rules : [];
        if (ours.SequenceEqual(wanted, StringComparer.Ordinal))
        {
            return;
        }

        // One -D per occurrence: -D removes the first rule with that exact specification.
        delete.AddRange(ours.Select(rule => $"-D {chain} {rule}"));
        append.AddRange(wanted.Select(rule => $"-A {chain} {rule}"));
    }
}
