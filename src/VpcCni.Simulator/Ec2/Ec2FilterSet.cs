namespace VpcCni.Simulator.Ec2;

/// <summary>
/// <c>Filter.N.Name</c> / <c>Filter.N.Value.M</c>: values of one filter are OR-ed, filters AND-ed,
/// <c>*</c> and <c>?</c> are wildcards (EC2 API Reference, DescribeNetworkInterfaces). Unknown names answer InvalidParameterValue.
/// </summary>
internal sealed class Ec2FilterSet
{
    private readonly List<(string Name, List<string> Values)> _filters;

    private Ec2FilterSet(List<(string Name, List<string> Values)> filters) => _filters = filters;

    public bool IsEmpty => _filters.Count == 0;

    public static Ec2FilterSet Parse(Ec2QueryRequest request, IReadOnlySet<string> known)
    {
        var filters = new List<(string, List<string>)>();
        foreach (var filter in request.GetStructs("Filter"))
        {
            var name = filter.Get("Name") ?? throw Ec2Exception.Missing("Filter.N.Name");
            if (!known.Contains(name) && !name.StartsWith("tag:", StringComparison.Ordinal) && name is not ("tag-key" or "tag-value"))
            {
                throw Ec2Exception.Invalid($"The filter '{name}' is invalid");
            }

            filters.Add((name, filter.GetList("Value")));
        }

        return new Ec2FilterSet(filters);
    }

    /// <summary>Whether a resource passes; <paramref name="valuesOf"/> gives the resource's values for a filter name.</summary>
    public bool Matches(Func<string, IEnumerable<string?>> valuesOf, IReadOnlyDictionary<string, string>? tags)
    {
        foreach (var (name, wanted) in _filters)
        {
            IEnumerable<string?> actual = name switch
            {
                "tag-key" => tags?.Keys ?? [],
                "tag-value" => tags?.Values ?? [],
                _ when name.StartsWith("tag:", StringComparison.Ordinal) =>
                    tags is not null && tags.TryGetValue(name[4..], out var v) ? [v] : [],
                _ => valuesOf(name),
            };
            if (!actual.Any(a => a is not null && wanted.Any(w => Wildcard(w, a))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Glob match with <c>*</c> (any run) and <c>?</c> (one character); <c>\</c> escapes either.</summary>
    internal static bool Wildcard(string pattern, string value)
    {
        int p = 0, v = 0, star = -1, mark = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == '\\' && p + 1 < pattern.Length && pattern[p + 1] == value[v])
            {
                p += 2;
                v++;
            }
            else if (p < pattern.Length && pattern[p] != '*' && pattern[p] != '\\' && (pattern[p] == '?' || pattern[p] == value[v]))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
