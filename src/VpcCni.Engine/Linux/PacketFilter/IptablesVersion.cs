using System.Text.RegularExpressions;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// What <c>iptables --version</c> reports, e.g. <c>iptables v1.8.9 (nf_tables)</c>. The mode follows
/// upstream (<c>pkg/iptableswrapper/iptables.go</c> <c>GetIptablesMode</c>): a mode of <c>legacy</c>
/// means x_tables, any other mode means nf_tables. Output without a mode comes from iptables 1.6 and
/// older, which predate nf_tables, so it means x_tables too. <c>--random-fully</c> is allowed from
/// iptables 1.6.2 on (go-iptables <c>HasRandomFully</c>).
/// </summary>
/// <param name="Version">The parsed version number.</param>
/// <param name="IsNfTables">True for the iptables-nft variant.</param>
public sealed partial record IptablesVersion(Version Version, bool IsNfTables)
{
    private static readonly Version RandomFullyMinimum = new(1, 6, 2);

    /// <summary>True when the SNAT target accepts <c>--random-fully</c>.</summary>
    public bool SupportsRandomFully => Version >= RandomFullyMinimum;

    /// <summary>The connmark backend upstream would choose for this iptables.</summary>
    public ConnmarkBackend ConnmarkBackend => IsNfTables ? ConnmarkBackend.Nftables : ConnmarkBackend.Iptables;

    /// <summary>Parses the first line of <c>iptables --version</c>.</summary>
    public static IptablesVersion Parse(string versionOutput)
    {
        ArgumentNullException.ThrowIfNull(versionOutput);
        if (string.IsNullOrWhiteSpace(versionOutput))
        {
            throw new VpcCniException(
                VpcCniErrorCategory.ResourceUnavailable,
                ErrorIds.PacketFilter.EmptyIptablesVersion,
                "'iptables --version' printed nothing, so neither the iptables version nor its mode (legacy or nf_tables) is known; check that the iptables program works on this node.");
        }

        var match = VersionPattern().Match(versionOutput);
        if (!match.Success || !Version.TryParse(match.Groups["v"].Value, out var version))
        {
            throw new VpcCniException(
                VpcCniErrorCategory.ResourceUnavailable,
                ErrorIds.PacketFilter.UnrecognisedIptablesVersion,
                $"'iptables --version' printed '{versionOutput.Trim()}'; expected 'iptables vX.Y.Z' optionally followed by '(nf_tables)' or '(legacy)'.");
        }

        var mode = match.Groups["mode"];
        return new IptablesVersion(version, mode.Success && !string.Equals(mode.Value, "legacy", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\bv(?<v>\d+\.\d+(\.\d+)?)(\s+\((?<mode>[^)\s]+)\))?")]
    private static partial Regex VersionPattern();
}
