using System.Text;
using System.Text.RegularExpressions;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Bootstrap;

/// <summary>
/// Writes the node's environment file (systemd.exec(5), <c>EnvironmentFile=</c>; read by the service
/// too, docs/configuration.md) without losing an admin's edits: an existing file keeps every line,
/// comment and value except the variables given, whose lines are replaced in place; new variables are
/// appended. Values are written in double quotes, with <c>\</c> and <c>"</c> escaped, as the parser reads them.
/// </summary>
public static partial class NodeEnvFile
{
    public const string Header = "# VpcCni node settings (docs/configuration.md). Written by Install-VpcCniNode; edits are kept on re-runs.\n";

    /// <summary>The file's new text: <paramref name="existing"/> (null when there is none) with <paramref name="variables"/> set.</summary>
    public static string Merge(string? existing, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var (name, value) in variables)
        {
            if (!Name().IsMatch(name) || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            {
                throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Bootstrap.InvalidVariable,
                    $"'{name}' is not an environment variable name (letters, digits and '_', not starting with a digit), or its value spans lines.");
            }
        }

        var lines = (existing ?? Header).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').ToList();
        var pending = new Dictionary<string, string>(variables, StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var match = Assignment().Match(lines[i]);
            if (match.Success && pending.Remove(match.Groups["name"].Value, out var value))
            {
                lines[i] = Line(match.Groups["name"].Value, value);
            }
        }

        lines.AddRange(pending.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Line(p.Key, p.Value)));
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The file's variables as the service reads them (for the max-pods mode).</summary>
    public static IReadOnlyDictionary<string, string?> Read(string text) => Configuration.EnvFileParser.Parse(text);

    private static string Line(string name, string value)
    {
        var escaped = new StringBuilder(value.Length + 2);
        foreach (var c in value)
        {
            if (c is '\\' or '"')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return $"{name}=\"{escaped}\"";
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^\s*(?:export\s+)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=")]
    private static partial Regex Assignment();
}
