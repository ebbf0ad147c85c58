using System.Text;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.NodeSettings;

/// <summary>
/// An env file as lines, for editing: assignments are found with the same rules
/// <see cref="EnvFileParser"/> reads them by (systemd.exec(5) <c>EnvironmentFile=</c>), and every other
/// line — comments, blank lines, variables not being changed — is written back as it was.
/// </summary>
internal sealed class EnvFileDocument
{
    private readonly List<Entry> _entries = [];
    private readonly string _newline;

    private EnvFileDocument(string newline) => _newline = newline;

    /// <summary>Splits <paramref name="text"/> into logical lines, keeping each one's physical lines.</summary>
    public static EnvFileDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = new EnvFileDocument(text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n");
        var physical = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        // Split leaves one empty element after a final newline; it is not a line of the file.
        var count = text.Length == 0 || text.EndsWith('\n') ? physical.Length - 1 : physical.Length;
        var index = 0;
        foreach (var (logical, spans) in EnvFileParser.LogicalLines(string.Join('\n', physical.Take(count))))
        {
            if (index >= count)
            {
                break;
            }

            var key = EnvFileParser.TryParseAssignment(logical, out var name, out _) ? name : null;
            document._entries.Add(new Entry(physical[index..Math.Min(index + spans, count)], key));
            index += spans;
        }

        return document;
    }

    /// <summary>
    /// Sets <paramref name="name"/>: its last assignment is rewritten in place; earlier ones, which the
    /// last one shadowed anyway, are dropped; without any, the line is appended.
    /// </summary>
    public void Set(string name, string value)
    {
        var line = $"{name}={Quote(name, value)}";
        var last = _entries.FindLastIndex(e => Assigns(e, name));
        if (last < 0)
        {
            _entries.Add(new Entry([line], name));
            return;
        }

        _entries[last] = new Entry([line], name);
        for (var i = last - 1; i >= 0; i--)
        {
            if (Assigns(_entries[i], name))
            {
                _entries.RemoveAt(i);
            }
        }
    }

    /// <summary>Removes every assignment of <paramref name="name"/>, so the next source (ConfigMap, default) applies.</summary>
    public void Unset(string name) => _entries.RemoveAll(e => Assigns(e, name));

    /// <summary>The file's text: one newline after every line, in the file's own newline style.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var line in _entries.SelectMany(e => e.Lines))
        {
            text.Append(line).Append(_newline);
        }

        return text.ToString();
    }

    /// <summary>
    /// The value as written after <c>=</c>: bare when it holds only characters that need no quoting,
    /// otherwise in double quotes with <c>\</c> and <c>"</c> escaped, which <see cref="EnvFileParser"/>
    /// (and systemd) read back to the same text.
    /// </summary>
    internal static string Quote(string name, string value)
    {
        if (value.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.NodeSettings.UnwritableValue,
                $"{name}: a value with a line break or NUL cannot be written to an environment file (systemd.exec(5)).");
        }

        if (value.All(IsBare))
        {
            return value;
        }

        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        return quoted.Append('"').ToString();
    }

    private static bool IsBare(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or ':' or ',' or '@' or '%' or '+' or '-' or '=';

    private static bool Assigns(Entry entry, string name) => string.Equals(entry.Key, name, StringComparison.OrdinalIgnoreCase);

    private sealed record Entry(string[] Lines, string? Key);
}
