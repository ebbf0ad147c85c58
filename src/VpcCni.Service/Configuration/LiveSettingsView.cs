using System.Globalization;
using VpcCni.Engine.Configuration;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Service.Configuration;

/// <summary>
/// The values of the variables that apply without a restart (docs/configuration.md, column "live"),
/// under their upstream names, as the service logs them at start and after every reload.
/// </summary>
public static class LiveSettingsView
{
    /// <summary>Each live variable's effective value, as text in the form the variable is written.</summary>
    public static IReadOnlyDictionary<string, string> Of(VpcCniSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var ipam = settings.Ipam;
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [N.WarmEniTarget] = Text(ipam.WarmEniTarget),
            [N.WarmIpTarget] = Text(ipam.WarmIpTarget),
            [N.MinimumIpTarget] = Text(ipam.MinimumIpTarget),
            [N.WarmPrefixTarget] = Text(ipam.WarmPrefixTarget),
            [N.MaxEni] = Text(ipam.MaxEni),
            [N.IpCooldownPeriod] = Text((long)ipam.IpCooldownPeriod.TotalSeconds),
            [N.ManageEnisNonSchedulable] = ipam.ManageEnisNonSchedulable ? "true" : "false",
            [N.LogLevel] = settings.Logging.LogLevel.ToString(),
        };
    }

    /// <summary>The live variables whose value differs between <paramref name="before"/> and <paramref name="after"/>: name, old, new.</summary>
    public static IEnumerable<(string Name, string Before, string After)> Changes(VpcCniSettings before, VpcCniSettings after)
    {
        var old = Of(before);
        foreach (var (name, value) in Of(after))
        {
            var previous = old.TryGetValue(name, out var text) ? text : string.Empty;
            if (!string.Equals(previous, value, StringComparison.Ordinal))
            {
                yield return (name, previous, value);
            }
        }
    }

    /// <summary>All live values as one <c>NAME=value</c> list.</summary>
    public static string Describe(VpcCniSettings settings) => string.Join(' ', Of(settings).Select(p => $"{p.Key}={p.Value}"));

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
