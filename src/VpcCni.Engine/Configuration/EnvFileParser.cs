using System.Text;

namespace VpcCni.Engine.Configuration;

/// <summary>
/// Reads an environment file the way systemd's <c>EnvironmentFile=</c> does (systemd.exec(5)):
/// <c>KEY=VALUE</c> lines; empty lines, lines starting with <c>#</c> or <c>;</c> and lines without
/// <c>=</c> are ignored; whitespace around the key and the value is dropped; a value in single or
/// double quotes loses its quotes (inside double quotes a backslash escapes the next character);
/// a backslash at the end of a line continues the value on the next line.
/// </summary>
internal static class EnvFileParser
{
    public static Dictionary<string, string?> Parse(string text)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, _) in LogicalLines(text))
        {
            if (TryParseAssignment(line, out var key, out var value))
            {
                values[key] = value;
            }
        }

        return values;
    }

    /// <summary>
    /// One logical line's assignment: false for empty lines, comments, lines without <c>=</c> and
    /// invalid names. The env-file editor (NodeSettings/EnvFileDocument) finds assignments with it too.
    /// </summary>
    internal static bool TryParseAssignment(string line, out string key, out string value)
    {
        key = string.Empty;
        value = string.Empty;
        var trimmed = line.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
        {
            return false;
        }

        var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return false;
        }

        key = trimmed[..equals].Trim();
        if (!IsValidName(key))
        {
            return false;
        }

        value = Unquote(trimmed[(equals + 1)..].Trim());
        return true;
    }

    /// <summary>Joins continued lines; each logical line comes with the number of physical lines it spans.</summary>
    internal static IEnumerable<(string Text, int PhysicalLines)> LogicalLines(string text)
    {
        var pending = new StringBuilder();
        var count = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            count++;
            if (raw.EndsWith('\\'))
            {
                pending.Append(raw, 0, raw.Length - 1);
                continue;
            }

            pending.Append(raw);
            yield return (pending.ToString(), count);
            pending.Clear();
            count = 0;
        }

        if (count > 0)
        {
            yield return (pending.ToString(), count);
        }
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            return value[1..^1];
        }

        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value;
        }

        var inner = value[1..^1];
        var result = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }

            result.Append(inner[i]);
        }

        return result.ToString();
    }

    /// <summary>systemd ignores assignments whose name is not a valid shell variable name.</summary>
    private static bool IsValidName(string key) =>
        (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
