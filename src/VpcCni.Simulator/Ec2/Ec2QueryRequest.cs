using System.Globalization;

namespace VpcCni.Simulator.Ec2;

/// <summary>
/// The flat key/value form of an EC2 Query request with the EC2 list encodings (EC2 API Reference, "Query requests for Amazon EC2"):
/// <c>Name.N</c>, <c>Name.N.Member</c> and nested <c>Filter.N.Value.M</c>; a bare key with an
/// empty value is an explicitly empty list.
/// </summary>
internal sealed class Ec2QueryRequest
{
    private readonly Dictionary<string, string> _values;

    public Ec2QueryRequest(Dictionary<string, string> values) => _values = values;

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? Get(string key) => _values.TryGetValue(key, out var v) ? v : null;

    public bool Has(string key) => _values.ContainsKey(key);

    public bool HasPrefix(string prefix) => _values.Keys.Any(k => k.StartsWith(prefix + ".", StringComparison.Ordinal) || k == prefix);

    public string Require(string key) => Get(key) is { Length: > 0 } v ? v : throw Ec2Exception.Missing(key);

    public int? GetInt(string key)
    {
        if (Get(key) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Ec2Exception.Invalid($"Value ({text}) for parameter {key} is invalid. Expected an integer.");
    }

    public bool? GetBool(string key)
    {
        if (Get(key) is not { } text)
        {
            return null;
        }

        return bool.TryParse(text, out var b)
            ? b
            : throw Ec2Exception.Invalid($"Value ({text}) for parameter {key} is invalid. Expected 'true' or 'false'.");
    }

    /// <summary>Values of <c>prefix.1</c>, <c>prefix.2</c>… in index order.</summary>
    public List<string> GetList(string prefix) =>
        [.. Indexed(prefix).Where(e => e.Tail.Length == 0).OrderBy(e => e.Index).Select(e => e.Value)];

    /// <summary>Members of <c>prefix.N.*</c> as one sub-request per N, in index order.</summary>
    public List<Ec2QueryRequest> GetStructs(string prefix) =>
        [.. Indexed(prefix).Where(e => e.Tail.Length > 0)
            .GroupBy(e => e.Index)
            .OrderBy(g => g.Key)
            .Select(g => new Ec2QueryRequest(g.ToDictionary(e => e.Tail, e => e.Value, StringComparer.Ordinal)))];

    private IEnumerable<(int Index, string Tail, string Value)> Indexed(string prefix)
    {
        var head = prefix + ".";
        foreach (var (key, value) in _values)
        {
            if (!key.StartsWith(head, StringComparison.Ordinal))
            {
                continue;
            }

            var tail = key.AsSpan(head.Length);
            var dot = tail.IndexOf('.');
            var number = dot < 0 ? tail : tail[..dot];
            if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                yield return (index, dot < 0 ? string.Empty : tail[(dot + 1)..].ToString(), value);
            }
        }
    }
}
