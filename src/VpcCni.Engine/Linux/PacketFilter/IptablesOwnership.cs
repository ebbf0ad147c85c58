using System.Text.RegularExpressions;

namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// Decides which chains and rules belong to us. Everything in <c>AWS-SNAT-CHAIN-N</c> and
/// <c>AWS-CONNMARK-CHAIN-N</c> is ours (older releases used one chain per CIDR, so any N is ours and
/// N ≥ 1 is stale; docs/snat.md, "What is ours"). In built-in chains a rule is ours when it
/// jumps to one of those chains or carries one of the comments upstream has ever used; anything else,
/// kube-proxy's rules included, is never touched.
/// </summary>
internal static partial class IptablesOwnership
{
    private static readonly HashSet<string> OwnedComments = new(StringComparer.Ordinal)
    {
        "AWS SNAT CHAIN",
        "AWS, SNAT",
        "AWS, outbound connections",
        "AWS, CONNMARK",
        "AWS, primary ENI",
    };

    public static bool IsOwnedChain(string chain) => OwnedChainPattern().IsMatch(chain);

    public static bool IsOwnedRuleInBuiltInChain(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (JumpToOwnedChain().IsMatch(rule))
        {
            return true;
        }

        var comment = CommentPattern().Match(rule);
        return comment.Success && OwnedComments.Contains(comment.Groups["c"].Value.Trim('"'));
    }

    [GeneratedRegex(@"^AWS-(SNAT|CONNMARK)-CHAIN-\d+$")]
    private static partial Regex OwnedChainPattern();

    [GeneratedRegex(@"(^|\s)-[jg] AWS-(SNAT|CONNMARK)-CHAIN-\d+(\s|$)")]
    private static partial Regex JumpToOwnedChain();

    [GeneratedRegex("--comment (?<c>\"[^\"]*\"|\\S+)")]
    private static partial Regex CommentPattern();
}
