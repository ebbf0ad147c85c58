using System.Text.RegularExpressions;

namespace VpcCni.Engine.SecurityGroups;

/// <summary>
/// A Kubernetes label selector (<c>metav1.LabelSelector</c>): <c>matchLabels</c> and
/// <c>matchExpressions</c>, all ANDed. Evaluated as <c>metav1.LabelSelectorAsSelector</c> does: an
/// empty selector selects everything; an operator outside the four, <c>In</c>/<c>NotIn</c> without
/// values, <c>Exists</c>/<c>DoesNotExist</c> with values, or a key that is not a qualified name make
/// the selector invalid, and an invalid selector selects nothing.
/// </summary>
public sealed partial record LabelSelector(IReadOnlyDictionary<string, string> MatchLabels, IReadOnlyList<LabelSelectorRequirement> MatchExpressions)
{
    /// <summary>The selector <c>{}</c>, which selects everything.</summary>
    public static LabelSelector Everything { get; } = new(new Dictionary<string, string>(), []);

    /// <summary>True when the selector has neither labels nor expressions.</summary>
    public bool IsEmpty => MatchLabels.Count == 0 && MatchExpressions.Count == 0;

    /// <summary>Why the selector is invalid, or null when it is valid.</summary>
    public string? Problem()
    {
        foreach (var key in MatchLabels.Keys.Concat(MatchExpressions.Select(e => e.Key)))
        {
            if (!IsQualifiedName(key))
            {
                return $"label key '{key}' is not a qualified name ([prefix/]name, name at most 63 characters of [A-Za-z0-9-_.])";
            }
        }

        foreach (var expression in MatchExpressions)
        {
            if (expression.ParsedOperator is not { } op)
            {
                return $"operator '{expression.Operator}' of key '{expression.Key}' is not In, NotIn, Exists or DoesNotExist";
            }

            var wantsValues = op is LabelSelectorOperator.In or LabelSelectorOperator.NotIn;
            if (wantsValues != (expression.Values.Count > 0))
            {
                return wantsValues
                    ? $"operator {op} of key '{expression.Key}' needs at least one value"
                    : $"operator {op} of key '{expression.Key}' takes no values";
            }
        }

        return null;
    }

    /// <summary>Whether the selector selects an object with <paramref name="labels"/>; false when it is invalid.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (Problem() is not null)
        {
            return false;
        }

        return MatchLabels.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value)
            && MatchExpressions.All(e => Matches(e, labels));
    }

    /// <summary>The selector as Kubernetes prints it (<c>app=db,tier in (backend)</c>); <c>&lt;everything&gt;</c> when empty.</summary>
    public override string ToString() => IsEmpty
        ? "<everything>"
        : string.Join(',', MatchLabels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")
            .Concat(MatchExpressions.Select(e => e.ToString())));

    private static bool Matches(LabelSelectorRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var value);
        return requirement.ParsedOperator switch
        {
            LabelSelectorOperator.In => present && requirement.Values.Contains(value),
            LabelSelectorOperator.NotIn => !present || !requirement.Values.Contains(value),
            LabelSelectorOperator.Exists => present,
            _ => !present,
        };
    }

    // The Kubernetes docs, "Labels and Selectors", "Syntax and character set": an optional DNS
    // subdomain prefix and '/', then a name of at most 63 characters.
    private static bool IsQualifiedName(string key)
    {
        var slash = key.LastIndexOf('/');
        var (prefix, name) = slash < 0 ? (null, key) : (key[..slash], key[(slash + 1)..]);
        return Name().IsMatch(name) && name.Length <= 63 && (prefix is null || (prefix.Length <= 253 && Subdomain().IsMatch(prefix)));
    }

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
