using System.Text.RegularExpressions;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// What <c>iptables --version</c> reports, e.g. <c>iptables v1.8.9 (nf_tables)</c>. Upstream picks
/// the nft connmark backend when the output mentions nf_tables (<c>GetIptablesMode</c>), and
/// allows <c>--random-fully</c> from iptables 1.6.2 on (go-iptables <c>HasRandomFully</c>).
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
        var match = VersionPattern().Match(versionOutput);
        if (!match.Success || !Version.TryParse(match.Groups["v"].Value, out var version))
        {
            throw new VpcCniException(
                VpcCniErrorCategory.ResourceUnavailable,
                ErrorIds.PacketFilter.UnrecognisedIptablesVersion,
                $"'iptables --version' printed '{versionOutput.Trim()}'; expected 'iptables vX.Y.Z' optionally followed by '(nf_tables)' or '(legacy)'.");
        }

        return new IptablesVersion(version, versionOutput.Contains("nf_tables", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"iptables v(?<v>\d+\.\d+(\.\d+)?)")]
    private static partial Regex VersionPattern();
}
