namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// The complete state we want in one table: the chains we own with their full rule lists, and for
/// each shared built-in chain the ordered list of our rules in it (other rules there are not ours).
/// </summary>
internal sealed class IptablesDesiredTable
{
    public IptablesDesiredTable(string table)
    {
        Table = table;
    }

    public string Table { get; }

    /// <summary>Our chains (<c>AWS-SNAT-CHAIN-0</c>, <c>AWS-CONNMARK-CHAIN-0</c>) and every rule they must hold, in order.</summary>
    public Dictionary<string, List<string>> OwnedChains { get; } = new(StringComparer.Ordinal);

    /// <summary>Our rules inside built-in chains, in the order they must appear relative to each other.</summary>
    public Dictionary<string, List<string>> SharedChains { get; } = new(StringComparer.Ordinal);

    public void AddOwned(string chain, string rule) => ListOf(OwnedChains, chain).Add(rule);

    public void AddShared(string chain, string rule) => ListOf(SharedChains, chain).Add(rule);

    /// <summary>Renders the desired state as iptables-save lines (<c>-A CHAIN rule</c>), for messages and docs.</summary>
    public IEnumerable<string> ToSaveLines()
    {
        foreach (var (chain, rules) in SharedChains.Concat(OwnedChains))
        {
            foreach (var rule in rules)
            {
                yield return $"-A {chain} {rule}";
            }
        }
    }

    private static List<string> ListOf(Dictionary<string, List<string>> chains, string chain)
    {
        if (!chains.TryGetValue(chain, out var rules))
        {
            rules = [];
            chains[chain] = rules;
        }

        return rules;
    }
}
