using System.Globalization;

namespace VpcCni.Engine.Configuration;

/// <summary>Collects rule failures, naming the origin of each variable and skipping variables that did not parse.</summary>
internal sealed class Checker(VpcCniSettings settings)
{
    public List<ConfigurationError> Errors { get; } = [];

    public void Range(bool ok, string name, object? typedValue)
    {
        if (ok || settings.Unparsed.Contains(name))
        {
            return;
        }

        var origin = OriginOf(name);
        var rejected = origin.RawValue ?? Convert.ToString(typedValue, CultureInfo.InvariantCulture) ?? string.Empty;
        Errors.Add(new ConfigurationError(name, origin.Source, origin.ConfigMapKey, rejected, ConfigurationVariables.Get(name).Expected));
    }

    /// <summary>A rule over several variables; reported against the first one that someone actually set.</summary>
    public void Cross(bool ok, string[] involved, string rejected, string expected)
    {
        if (ok || involved.Any(settings.Unparsed.Contains))
        {
            return;
        }

        var primary = involved.FirstOrDefault(n => OriginOf(n).Source != ConfigurationSource.Default) ?? involved[0];
        var origin = OriginOf(primary);
        Errors.Add(new ConfigurationError(primary, origin.Source, origin.ConfigMapKey, rejected, expected));
    }

    private ValueOrigin OriginOf(string name) =>
        settings.Origins.TryGetValue(name, out var origin) ? origin : ValueOrigin.Default;
}
