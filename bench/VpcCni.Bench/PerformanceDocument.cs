using System.Text;

namespace VpcCni.Bench;

/// <summary>
/// docs/PERFORMANCE.md as a header and one "## title" section per suite. A full run rewrites the
/// whole document; a filtered run replaces only the sections it measured and keeps the others as
/// they were, in suite-name order.
/// </summary>
public sealed class PerformanceDocument
{
    private const string SectionPrefix = "## ";

    private readonly Dictionary<string, string> _sections = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    private PerformanceDocument(string header) => Header = header;

    public string Header { get; set; }

    public static PerformanceDocument Empty(string header) => new(header);

    /// <summary>Splits existing Markdown into its header and its sections, keyed by heading text.</summary>
    public static PerformanceDocument Parse(string markdown)
    {
        var header = new StringBuilder();
        var document = new PerformanceDocument(string.Empty);
        string? title = null;
        var body = new StringBuilder();
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith(SectionPrefix, StringComparison.Ordinal))
            {
                if (title is not null)
                {
                    document.Set(title, body.ToString());
                }

                title = line[SectionPrefix.Length..].Trim();
                body.Clear();
            }
            else if (title is null)
            {
                header.Append(line).Append('\n');
            }
            else
            {
                body.Append(line).Append('\n');
            }
        }

        if (title is not null)
        {
            document.Set(title, body.ToString());
        }

        document.Header = header.ToString();
        return document;
    }

    /// <summary>Sets the body (without its heading) of the section titled <paramref name="title"/>.</summary>
    public void Set(string title, string body)
    {
        if (!_sections.ContainsKey(title))
        {
            _order.Add(title);
        }

        _sections[title] = body;
    }

    /// <summary>The document with sections in <paramref name="titleOrder"/> first, then any others in their old order.</summary>
    public string Render(IEnumerable<string> titleOrder)
    {
        var doc = new StringBuilder(Header.TrimEnd()).Append('\n').Append('\n');
        var ordered = titleOrder.Where(_sections.ContainsKey).ToList();
        foreach (var title in ordered.Concat(_order.Except(ordered, StringComparer.Ordinal)))
        {
            doc.Append(SectionPrefix).Append(title).Append('\n').Append('\n');
            doc.Append(_sections[title].Trim()).Append('\n').Append('\n');
        }

        return doc.ToString().TrimEnd() + "\n";
    }
}
