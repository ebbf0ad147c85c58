namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// One table as <c>iptables-save -t &lt;table&gt;</c> prints it: chains in order, and for each chain
/// its rules as the text after <c>-A &lt;chain&gt; </c>. Counters and comments lines are dropped, so
/// two snapshots compare equal whenever the rules are the same.
/// </summary>
internal sealed class IptablesTableSnapshot
{
    private readonly Dictionary<string, List<string>> _rules = new(StringComparer.Ordinal);
    private readonly List<string> _chains = [];
    private readonly HashSet<string> _builtIn = new(StringComparer.Ordinal);

    private IptablesTableSnapshot(string table)
    {
        Table = table;
    }

    public string Table { get; }

    /// <summary>Chain names in the order iptables-save printed them.</summary>
    public IReadOnlyList<string> Chains => _chains;

    public bool HasChain(string chain) => _rules.ContainsKey(chain);

    /// <summary>True for chains with a policy (PREROUTING, POSTROUTING…), which are shared with other software.</summary>
    public bool IsBuiltIn(string chain) => _builtIn.Contains(chain);

    public IReadOnlyList<string> RulesOf(string chain) =>
        _rules.TryGetValue(chain, out var rules) ? rules : [];

    /// <summary>Parses the output of <c>iptables-save -t <paramref name="table"/></c>; an empty output means the table is empty.</summary>
    public static IptablesTableSnapshot Parse(string table, string saveOutput)
    {
        ArgumentNullException.ThrowIfNull(saveOutput);
        var snapshot = new IptablesTableSnapshot(table);
        var inTable = false;
        foreach (var raw in saveOutput.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '*')
            {
                inTable = string.Equals(line[1..], table, StringComparison.Ordinal);
                continue;
            }

            if (!inTable)
            {
                continue;
            }

            if (line[0] == ':')
            {
                // ":CHAIN POLICY [packets:bytes]"; user chains print "-" as the policy.
                var parts = line[1..].Split(' ', 3);
                snapshot.AddChain(parts[0], builtIn: parts.Length > 1 && parts[1] != "-");
            }
            else if (line.StartsWith("-A ", StringComparison.Ordinal))
            {
                var space = line.IndexOf(' ', 3);
                var chain = space < 0 ? line[3..] : line[3..space];
                var rule = space < 0 ? string.Empty : line[(space + 1)..];
                snapshot.AddChain(chain, builtIn: false);
                snapshot._rules[chain].Add(rule);
            }
        }

        return snapshot;
    }

    private void AddChain(string chain, bool builtIn)
    {
        if (!_rules.ContainsKey(chain))
        {
            _rules[chain] = [];
            _chains.Add(chain);
        }

        if (builtIn)
        {
            _builtIn.Add(chain);
        }
    }
}
