using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// Renders the nftables connmark table (docs/snat.md; upstream
/// <c>pkg/networkutils/nftables_connmark.go</c>): table <c>ip aws-cni</c>, base chain <c>nat-prerouting</c> on the nat
/// prerouting hook at priority −90 (after kube-proxy's DNAT at −100), and chain <c>snat-mark</c>.
/// It produces both the <c>nft -f</c> input and the listing <c>nft list table ip aws-cni</c> prints
/// for it (nftables 1.0.x), so the adapter can tell whether anything needs writing.
/// </summary>
internal static partial class NftConnmarkRenderer
{
    public const string Family = "ip";
    public const string TableName = "aws-cni";

    /// <summary>
    /// The <c>nft -f</c> input. "add table; delete table; define" runs as one atomic transaction
    /// (nft(8): a file is committed as a whole), so the base chain's hook and priority are replaced too,
    /// which a plain <c>flush table</c> cannot do.
    /// </summary>
    public static string RenderScript(PacketFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mark = options.MarkHex;
        var script = new StringBuilder();
        script.Append(CultureInfo.InvariantCulture, $"table {Family} {TableName}\n");
        script.Append(CultureInfo.InvariantCulture, $"delete table {Family} {TableName}\n");
        script.Append(CultureInfo.InvariantCulture, $"table {Family} {TableName} {{\n");
        script.Append("\tchain nat-prerouting {\n");
        script.Append("\t\ttype nat hook prerouting priority -90; policy accept;\n");
        script.Append("\t\tfib daddr type local counter return\n");
        script.Append(CultureInfo.InvariantCulture, $"\t\tiifname \"{options.VethPrefix}*\" counter jump snat-mark\n");
        script.Append(CultureInfo.InvariantCulture, $"\t\tcounter meta mark set ct mark and {mark}\n");
        script.Append("\t}\n");
        script.Append("\tchain snat-mark {\n");
        foreach (var cidr in ExemptCidrs(options))
        {
            script.Append(CultureInfo.InvariantCulture, $"\t\tip daddr {cidr.BaseAddress}/{cidr.PrefixLength} counter return\n");
        }

        script.Append(CultureInfo.InvariantCulture, $"\t\tcounter ct mark set ct mark or {mark}\n");
        script.Append("\t}\n}\n");
        return script.ToString();
    }

    /// <summary>The script that removes the table; harmless when it does not exist (the add makes the delete always valid).</summary>
    public static string RenderDeleteScript() =>
        $"table {Family} {TableName}\ndelete table {Family} {TableName}\n";

    /// <summary>The rule lines nft lists for <see cref="RenderScript"/>, in <see cref="Normalize"/> form.</summary>
    public static IReadOnlyList<string> ExpectedListing(PacketFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mark = "0x" + options.ConnmarkMark.ToString("x8", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            $"table {Family} {TableName} {{",
            "chain nat-prerouting {",
            "type nat hook prerouting priority dstnat + 10; policy accept;",
            "fib daddr type local counter return",
            $"iifname \"{options.VethPrefix}*\" counter jump snat-mark",
            $"counter meta mark set ct mark & {mark}",
            "}",
            "chain snat-mark {",
        };

        // nft prints a /32 as a bare address.
        lines.AddRange(ExemptCidrs(options).Select(cidr => cidr.PrefixLength == 32
            ? $"ip daddr {cidr.BaseAddress} counter return"
            : $"ip daddr {cidr.BaseAddress}/{cidr.PrefixLength} counter return"));
        lines.Add($"counter ct mark set ct mark | {mark}");
        lines.Add("}");
        lines.Add("}");
        return lines;
    }

    /// <summary>Reduces an <c>nft list table</c> output to trimmed, non-empty lines without counter values.</summary>
    public static IReadOnlyList<string> Normalize(string listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return listing.Split('\n')
            .Select(line => CounterValues().Replace(line, "counter").Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
    }

    private static IEnumerable<IPNetwork> ExemptCidrs(PacketFilterOptions options) =>
        options.VpcCidrs.Distinct().Concat(options.ExcludedSnatCidrs.Distinct()).Distinct();

    [GeneratedRegex(@"counter packets \d+ bytes \d+")]
    private static partial Regex CounterValues();
}
