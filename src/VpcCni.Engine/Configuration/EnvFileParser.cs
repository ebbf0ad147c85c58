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
        foreach (var line in LogicalLines(text))
        {
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = trimmed[..equals].Trim();
            if (IsValidName(key))
            {
                values[key] = Unquote(trimmed[(equals + 1)..].Trim());
            }
        }

        return values;
    }

    private static IEnumerable<string> LogicalLines(string text)
    {
        var pending = new StringBuilder();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.EndsWith('\\'))
            {
                pending.Append(raw, 0, raw.Length - 1);
                continue;
            }

            pending.Append(raw);
            yield return pending.ToString();
            pending.Clear();
        }

        if (pending.Length > 0)
        {
            yield return pending.ToString();
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
