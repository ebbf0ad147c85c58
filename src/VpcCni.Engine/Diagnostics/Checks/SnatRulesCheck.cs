using VpcCni.Engine.Aws.Iam;
using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>
/// The SNAT and connmark rules match the node's configuration (docs/snat.md): with external SNAT
/// off, POSTROUTING jumps to <c>AWS-SNAT-CHAIN-0</c>, which returns for every excluded CIDR and
/// ends in the SNAT rule, and connmark is set up (<c>AWS-CONNMARK-CHAIN-0</c> or the nftables
/// table <c>ip aws-cni</c>); with external SNAT on, neither translates anything.
/// </summary>
public sealed class SnatRulesCheck : INodeCheck
{
    public string Name => "SnatRules";

    public string Description => "AWS-SNAT-CHAIN-0 and connmark rules match external SNAT and the excluded CIDRs";

    public async Task<NodeCheckResult> RunAsync(NodeCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Options.IpFamily == IamIpFamily.IPv6)
        {
            return NodeCheckResult.Pass(Name, "An IPv6 node programs no SNAT or connmark rules (docs/snat.md).");
        }

        if (await KernelCheckGate.NotCheckableAsync(context, Name, cancellationToken).ConfigureAwait(false) is { } skip)
        {
            return skip;
        }

        var externalSnat = string.Equals(await context.SettingAsync("AWS_VPC_K8S_CNI_EXTERNALSNAT", cancellationToken).ConfigureAwait(false), "true", StringComparison.OrdinalIgnoreCase);
        var excluded = (await context.SettingAsync("AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS", cancellationToken).ConfigureAwait(false) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var runner = context.Commands();
        var nat = await new IptablesAdapter(runner, IptablesToolset.Default).SaveAsync("nat", cancellationToken).ConfigureAwait(false);
        var snatChain = nat.RulesOf(IptablesRuleRenderer.SnatChain);
        var snats = snatChain.Any(r => r.Contains("-j SNAT", StringComparison.Ordinal));
        var jump = nat.RulesOf("POSTROUTING").Any(r => r.Contains("-j " + IptablesRuleRenderer.SnatChain, StringComparison.Ordinal));
        var connmark = nat.RulesOf(IptablesRuleRenderer.ConnmarkChain).Count > 0 || await new NftConnmarkAdapter(runner).ListAsync(cancellationToken).ConfigureAwait(false) is not null;

        var problems = new List<string>();
        if (externalSnat)
        {
            Add(problems, !snats, $"{IptablesRuleRenderer.SnatChain} still SNATs although AWS_VPC_K8S_CNI_EXTERNALSNAT=true");
            Add(problems, !connmark, "connmark rules remain although external SNAT is on");
        }
        else
        {
            Add(problems, jump, $"POSTROUTING does not jump to {IptablesRuleRenderer.SnatChain}");
            Add(problems, snats || excluded.Contains("0.0.0.0/0"), $"{IptablesRuleRenderer.SnatChain} has no SNAT rule");
            Add(problems, connmark, $"no connmark rules ({IptablesRuleRenderer.ConnmarkChain} or nftables table ip aws-cni)");
            foreach (var cidr in excluded.Where(c => c != "0.0.0.0/0"))
            {
                Add(problems, snatChain.Any(r => r.Contains("-d " + cidr + " ", StringComparison.Ordinal) && r.Contains("-j RETURN", StringComparison.Ordinal)),
                    $"no RETURN for excluded CIDR {cidr} in {IptablesRuleRenderer.SnatChain}");
            }
        }

        return problems.Count == 0
            ? NodeCheckResult.Pass(Name, externalSnat ? "External SNAT: no SNAT or connmark rules." : $"{IptablesRuleRenderer.SnatChain}: {snatChain.Count} rules, {excluded.Length} exclusions returned, connmark set up.")
            : NodeCheckResult.Fail(Name, string.Join("; ", problems) + ".",
                "The service converges these rules at start: restart it. If they vanish again, another tool rewrites the nat table (iptables-save -t nat shows it).");
    }

    private static void Add(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }
}
