using System.Globalization;
using System.Text;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Introspection;

/// <summary>
/// Reads the Prometheus text exposition format, version 0.0.4 (prometheus.io, "Exposition formats",
/// "Text-based format"): <c># HELP</c> and <c># TYPE</c> lines, other comments ignored, and sample
/// lines <c>name{label="value",…} value [timestamp]</c> with the format's escapes. No maintained .NET
/// package parses it (prometheus-net only writes it), so this small reader does.
/// </summary>
public static class PrometheusTextParser
{
    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count", "_created"];
    private static readonly string[] SummarySuffixes = ["_sum", "_count", "_created"];

    /// <summary>Every sample of <paramref name="text"/>, in the order written.</summary>
    /// <exception cref="VpcCniException"><see cref="ErrorIds.Introspection.MalformedMetrics"/>, naming the line.</exception>
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var types = new Dictionary<string, PrometheusMetricType>(StringComparer.Ordinal);
        var helps = new Dictionary<string, string>(StringComparer.Ordinal);
        var raw = new List<(string Name, Dictionary<string, string> Labels, double Value, DateTimeOffset? At)>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r').Trim(' ', '\t');
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                if (line[0] == '#')
                {
                    ReadComment(line, types, helps);
                }
                else
                {
                    raw.Add(ReadSample(line));
                }
            }
            catch (FormatException ex)
            {
                throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Introspection.MalformedMetrics,
                    $"Line {lineNumber} of the metrics is not in the Prometheus text format: {ex.Message} ('{Shorten(line)}').", ex);
            }
        }

        return raw.Select(s =>
        {
            var family = FamilyOf(s.Name, types);
            return new PrometheusSample(s.Name, family, s.Labels, s.Value, types.GetValueOrDefault(family), helps.GetValueOrDefault(family, string.Empty), s.At);
        }).ToArray();
    }

    private static void ReadComment(string line, Dictionary<string, PrometheusMetricType> types, Dictionary<string, string> helps)
    {
        var parts = line[1..].TrimStart(' ', '\t').Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] is not ("HELP" or "TYPE"))
        {
            return;
        }

        if (parts[0] == "HELP")
        {
            helps[parts[1]] = Unescape(parts.Length > 2 ? parts[2] : string.Empty, quoted: false);
            return;
        }

        var type = parts.Length > 2 ? parts[2].Trim() : string.Empty;
        types[parts[1]] = type switch
        {
            "counter" => PrometheusMetricType.Counter,
            "gauge" => PrometheusMetricType.Gauge,
            "histogram" => PrometheusMetricType.Histogram,
            "summary" => PrometheusMetricType.Summary,
            "untyped" => PrometheusMetricType.Untyped,
            _ => throw new FormatException($"unknown metric type '{type}'"),
        };
    }

    private static (string, Dictionary<string, string>, double, DateTimeOffset?) ReadSample(string line)
    {
        var i = 0;
        var name = ReadName(line, ref i, allowColon: true);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (true)
            {
                SkipBlanks(line, ref i);
                if (i < line.Length && line[i] == '}')
                {
                    i++;
                    break;
                }

                var label = ReadName(line, ref i, allowColon: false);
                SkipBlanks(line, ref i);
                Expect(line, ref i, '=');
                SkipBlanks(line, ref i);
                Expect(line, ref i, '"');
                labels[label] = ReadQuoted(line, ref i);
                SkipBlanks(line, ref i);
                if (i < line.Length && line[i] == ',')
                {
                    i++;
                }
                else if (i >= line.Length || line[i] != '}')
                {
                    throw new FormatException("expected ',' or '}' after a label value");
                }
            }
        }

        var rest = line[i..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length is < 1 or > 2)
        {
            throw new FormatException("expected a value and an optional timestamp after the name");
        }

        DateTimeOffset? at = null;
        if (rest.Length == 2)
        {
            at = long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : throw new FormatException($"timestamp '{rest[1]}' is not an integer");
        }

        return (name, labels, ParseValue(rest[0]), at);
    }

    /// <summary>A sample value: a Go float, including <c>NaN</c>, <c>+Inf</c> and <c>-Inf</c>.</summary>
    public static double ParseValue(string value) => value switch
    {
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"value '{value}' is not a number"),
    };

    private static string FamilyOf(string name, Dictionary<string, PrometheusMetricType> types)
    {
        if (types.ContainsKey(name))
        {
            return name;
        }

        foreach (var suffix in HistogramSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(name[..^suffix.Length], out var type)
                && (type == PrometheusMetricType.Histogram || (type == PrometheusMetricType.Summary && SummarySuffixes.Contains(suffix))))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static string ReadName(string line, ref int i, bool allowColon)
    {
        var start = i;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '_' || (allowColon && line[i] == ':')))
        {
            i++;
        }

        return i > start && !char.IsAsciiDigit(line[start]) ? line[start..i] : throw new FormatException($"expected a name at column {start + 1}");
    }

    private static string ReadQuoted(string line, ref int i)
    {
        var start = i;
        while (i < line.Length && line[i] != '"')
        {
            i += line[i] == '\\' ? 2 : 1;
        }

        if (i >= line.Length)
        {
            throw new FormatException("a label value is not closed with '\"'");
        }

        var value = Unescape(line[start..i], quoted: true);
        i++;
        return value;
    }

    private static string Unescape(string text, bool quoted)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && (text[i + 1] is '\\' or 'n' || (quoted && text[i + 1] == '"')))
            {
                i++;
                builder.Append(text[i] == 'n' ? '\n' : text[i]);
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static void Expect(string line, ref int i, char expected)
    {
        if (i >= line.Length || line[i] != expected)
        {
            throw new FormatException($"expected '{expected}' at column {i + 1}");
        }

        i++;
    }

    private static void SkipBlanks(string line, ref int i)
    {
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..77] + "...";
}
