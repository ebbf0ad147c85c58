using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// A parsed <c>labelSelector</c> or <c>fieldSelector</c> query parameter (Kubernetes docs, "Labels
/// and Selectors" and "Field Selectors"): requirements joined by commas, all of which must hold.
/// Labels take <c>k</c>, <c>!k</c>, <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>,
/// <c>k notin (a,b)</c>; fields take the equality forms on a dotted path such as <c>spec.nodeName</c>.
/// </summary>
public sealed partial class KubeSelector
{
    private readonly List<Func<Func<string, string?>, bool>> _requirements;
    private readonly bool _fields;

    private KubeSelector(List<Func<Func<string, string?>, bool>> requirements, bool fields)
    {
        _requirements = requirements;
        _fields = fields;
    }

    /// <summary>Selects everything.</summary>
    public static KubeSelector Everything { get; } = new([], fields: false);

    /// <summary>A label selector; <see cref="KubeApiException"/> (400) when it does not parse.</summary>
    public static KubeSelector ParseLabels(string? text) => Parse(text, fields: false);

    /// <summary>A field selector; <see cref="KubeApiException"/> (400) when it does not parse.</summary>
    public static KubeSelector ParseFields(string? text) => Parse(text, fields: true);

    /// <summary>Whether <paramref name="obj"/> satisfies every requirement.</summary>
    public bool Matches(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        Func<string, string?> lookup = _fields
            ? path => FieldValue(obj, path)
            : key => obj["metadata"]?["labels"]?[key] is JsonValue v ? v.ToString() : null;
        return _requirements.TrueForAll(r => r(lookup));
    }

    private static KubeSelector Parse(string? text, bool fields)
    {
        var requirements = new List<Func<Func<string, string?>, bool>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new KubeSelector(requirements, fields);
        }

        foreach (Match part in Requirement().Matches(text))
        {
            var body = part.Value.Trim();
            if (body.Length == 0)
            {
                continue;
            }

            requirements.Add(ParseOne(body, fields, text));
        }

        return new KubeSelector(requirements, fields);
    }

    private static Func<Func<string, string?>, bool> ParseOne(string body, bool fields, string whole)
    {
        if (SetForm().Match(body) is { Success: true } set && !fields)
        {
            var key = set.Groups["key"].Value;
            var values = set.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var notIn = set.Groups["op"].Value == "notin";
            return lookup => lookup(key) is { } v ? values.Contains(v) != notIn : notIn;
        }

        if (EqualityForm().Match(body) is { Success: true } eq)
        {
            var (key, op, value) = (eq.Groups["key"].Value, eq.Groups["op"].Value, eq.Groups["value"].Value.Trim());
            return op == "!="
                ? lookup => lookup(key) != value
                : lookup => lookup(key) == value;
        }

        if (!fields && ExistsForm().Match(body) is { Success: true } exists)
        {
            var key = exists.Groups["key"].Value;
            var negate = exists.Groups["not"].Success;
            return lookup => (lookup(key) is not null) != negate;
        }

        throw KubeApiException.BadRequest($"unable to parse requirement '{body}' in selector '{whole}'");
    }

    /// <summary>A dotted path into the object; <c>metadata.namespace</c> of a cluster-scoped object is empty.</summary>
    private static string? FieldValue(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node is JsonValue value ? value.ToString() : path == "metadata.namespace" ? "" : null;
    }

    // A requirement runs to the next comma outside parentheses.
    [GeneratedRegex(@"(?:[^,(]|\([^)]*\))+")]
    private static partial Regex Requirement();

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_./-]+)\s+(?<op>in|notin)\s*\((?<values>[^)]*)\)$")]
    private static partial Regex SetForm();

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_./-]+)\s*(?<op>==|!=|=)\s*(?<value>[A-Za-z0-9_./-]*)\s*$")]
    private static partial Regex EqualityForm();

    [GeneratedRegex(@"^(?<not>!)?\s*(?<key>[A-Za-z0-9_./-]+)$")]
    private static partial Regex ExistsForm();
}
