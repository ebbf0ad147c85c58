using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// Applies desired iptables tables: reads each with <c>iptables-save -t</c>, plans the difference,
/// commits it as one <c>iptables-restore --noflush</c> transaction per table (so no reader ever sees
/// a half-written chain), then reads the table again and fails when it still differs.
/// </summary>
internal sealed class IptablesAdapter
{
    // -w waits for the xtables lock that kube-proxy also takes (iptables-restore(8)); 5 s as go-iptables' callers use.
    private static readonly string[] RestoreArguments = ["-w", "5", "--noflush"];

    private readonly CommandRunner _runner;
    private readonly IptablesToolset _tools;

    public IptablesAdapter(CommandRunner runner, IptablesToolset tools)
    {
        _runner = runner;
        _tools = tools;
    }

    /// <summary>Converges every table and returns the names of those that needed a transaction.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(IReadOnlyList<IptablesDesiredTable> tables, CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        foreach (var desired in tables)
        {
            var current = await SaveAsync(desired.Table, cancellationToken).ConfigureAwait(false);
            var script = IptablesRestorePlanner.Plan(desired, current);
            if (script is null)
            {
                continue;
            }

            await _runner.RunCheckedAsync(_tools.Restore, RestoreArguments, script, cancellationToken).ConfigureAwait(false);
            changed.Add(desired.Table);

            var after = await SaveAsync(desired.Table, cancellationToken).ConfigureAwait(false);
            if (IptablesRestorePlanner.Plan(desired, after) is { } leftover)
            {
                throw new VpcCniException(
                    VpcCniErrorCategory.Internal,
                    ErrorIds.PacketFilter.VerifyFailed,
                    $"After iptables-restore the {desired.Table} table still differs from the desired rules; the remaining change would be:\n{leftover}");
            }
        }

        return changed;
    }

    /// <summary>Reads one table as iptables-save prints it.</summary>
    public async Task<IptablesTableSnapshot> SaveAsync(string table, CancellationToken cancellationToken)
    {
        var result = await _runner.RunCheckedAsync(_tools.Save, ["-t", table], null, cancellationToken).ConfigureAwait(false);
        return IptablesTableSnapshot.Parse(table, result.StandardOutput);
    }
}
