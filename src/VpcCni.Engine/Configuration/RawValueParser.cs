using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace VpcCni.Engine.Configuration;

/// <summary>
/// Turns the raw text of each variable into a typed value. A value that does not parse becomes a
/// <see cref="ConfigurationError"/> (upstream would log and fall back to the default) and the
/// default is kept so later rules still see a typed value.
/// </summary>
internal sealed class RawValueParser(IReadOnlyDictionary<string, ValueOrigin> raw)
{
    private delegate bool TryParse<T>(string text, out T value);

    public List<ConfigurationError> Errors { get; } = [];

    public HashSet<string> Unparsed { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Bool(string name, bool fallback) => Parse<bool>(name, fallback, GoValueParser.TryParseBool);

    /// <summary>Go <c>Atoi</c>; ranges are checked later by <see cref="VpcCniSettingsRules"/>.</summary>
    public int Int(string name, int fallback) => Parse(name, fallback, static (string text, out int value) =>
    {
        var ok = GoValueParser.TryParseAtoi(text, out var wide) && wide is >= int.MinValue and <= int.MaxValue;
        value = ok ? (int)wide : 0;
        return ok;
    });

    public TimeSpan Seconds(string name, TimeSpan fallback) =>
        raw.ContainsKey(name) ? TimeSpan.FromSeconds(Int(name, (int)fallback.TotalSeconds)) : fallback;

    public string Text(string name, string fallback) => raw.TryGetValue(name, out var origin) ? origin.RawValue! : fallback;

    public int? OptionalInt(string name) => raw.ContainsKey(name) ? Int(name, 0) : null;

    /// <summary>A 32-bit netfilter mark, written like a Go integer literal (<c>0x80</c>, <c>128</c>, <c>0o200</c>).</summary>
    public uint Mark(string name, uint fallback) => Parse(name, fallback, static (string text, out uint value) =>
    {
        var ok = GoValueParser.TryParseIntAutoBase(text, out var wide) && wide is > 0 and <= uint.MaxValue;
        value = ok ? (uint)wide : 0;
        return ok;
    });

    public IReadOnlyList<IPNetwork> Ipv4Cidrs(string name) => Parse<IReadOnlyList<IPNetwork>>(name, [], TryParseIpv4CidrList);

    public Uri? AbsoluteUrl(string name) => Parse<Uri?>(name, null, static (string text, out Uri? value) =>
        Uri.TryCreate(text, UriKind.Absolute, out value) && (value.Scheme == Uri.UriSchemeHttp || value.Scheme == Uri.UriSchemeHttps));

    public T Choice<T>(string name, T fallback, IReadOnlyDictionary<string, T> choices) => Parse(name, fallback, (string text, out T value) =>
        choices.TryGetValue(text, out value!));

    public LogLevel Level(string name, LogLevel fallback) => Parse(name, fallback, static (string text, out LogLevel value) =>
    {
        // Upstream lower-cases the level before matching (the guide writes "DEBUG").
        value = text.ToUpperInvariant() switch
        {
            "DEBUG" => LogLevel.Debug,
            "INFO" => LogLevel.Information,
            "WARN" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "FATAL" => LogLevel.Critical,
            _ => LogLevel.None,
        };
        return value != LogLevel.None;
    });

    public IReadOnlyDictionary<string, string> JsonStringMap(string name, IReadOnlyDictionary<string, string> fallback) =>
        Parse(name, fallback, TryParseStringMap);

    private T Parse<T>(string name, T fallback, TryParse<T> parser)
    {
        if (!raw.TryGetValue(name, out var origin))
        {
            return fallback;
        }

        if (parser(origin.RawValue!, out var value))
        {
            return value;
        }

        Unparsed.Add(name);
        Errors.Add(new ConfigurationError(name, origin.Source, origin.ConfigMapKey, origin.RawValue!, ConfigurationVariables.Get(name).Expected));
        return fallback;
    }

    private static bool TryParseIpv4CidrList(string text, out IReadOnlyList<IPNetwork> value)
    {
        var list = new List<IPNetwork>();
        value = list;
        foreach (var entry in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!GoValueParser.TryParseCidr(entry, out var network) || network.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
            {
                return false;
            }

            list.Add(network);
        }

        return true;
    }

    private static bool TryParseStringMap(string text, out IReadOnlyDictionary<string, string> value)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        value = map;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                map[property.Name] = property.Value.GetString()!;
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
