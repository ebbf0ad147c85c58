using System.Text.RegularExpressions;

namespace VpcCni.Engine.Tests.Architecture;

/// <summary>
/// Comments and docs cite what a reader of this repository can open: upstream's files and
/// functions, the EC2 API reference, the CNI specification, man pages, our own docs/. A document
/// named by file must be in the repository, a relative path must stay inside it, and a section
/// sign belongs to a document anyone can open.
/// </summary>
public sealed partial class CitationTests
{
    private static readonly string[] Folders = ["src", "tests", "bench", "build", "docs", "Tests.Pester", "packaging", ".ci"];

    private static readonly string[] RootFiles = ["README.md", "build.ps1", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "VpcCni.psd1"];

    [Fact]
    public void NoFileCitesADocumentOutsideTheRepository()
    {
        var documents = RepositoryFiles.Under(".", ".md", ".txt").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var files = Folders.SelectMany(f => RepositoryFiles.Under(f, ".cs", ".md", ".ps1", ".psm1", ".psd1", ".csproj", ".props", ".proto", ".service", ".json", ".yaml", "run"))
            .Concat(RootFiles.Select(f => Path.Combine(RepositoryFiles.Root, f)))
            .Where(File.Exists);

        var offenders = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Problem(file, lines[i], documents) is { } problem)
                {
                    offenders.Add($"{RepositoryFiles.Relative(file)}:{i + 1}: {problem}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    private static string? Problem(string file, string line, HashSet<string?> documents)
    {
        if (line.Contains('\u00A7') && !OpenSection().IsMatch(line))
        {
            return "section of a document nobody can open";
        }

        if (NumberedRule().IsMatch(line))
        {
            return "numbered rule of a guide";
        }

        // Upstream's own docs and web pages are named with "upstream" or a URL beside them.
        if (!line.Contains("upstream", StringComparison.OrdinalIgnoreCase) && !line.Contains("://", StringComparison.Ordinal))
        {
            foreach (Match document in DocumentName().Matches(line))
            {
                if (!documents.Contains(Path.GetFileName(document.Value)))
                {
                    return $"{document.Value} is not in the repository";
                }
            }
        }

        foreach (Match path in RelativePath().Matches(line))
        {
            var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path.Value));
            if (!resolved.StartsWith(RepositoryFiles.Root, StringComparison.Ordinal))
            {
                return $"{path.Value} leaves the repository";
            }
        }

        return null;
    }

    // The CNI spec, an RFC or a man page: documents anyone can open.
    [GeneratedRegex(@"CNI spec|RFC ?\d+|\w\((\d|\dp)\)")]
    private static partial Regex OpenSection();

    // "<guide-name> rule 6": a numbered rule of a style guide kept somewhere else.
    [GeneratedRegex(@"\b[a-z]+-[a-z]+ rules? \d{1,2}\b")]
    private static partial Regex NumberedRule();

    [GeneratedRegex(@"[\w./-]*\w\.(md|txt)\b")]
    private static partial Regex DocumentName();

    [GeneratedRegex(@"(\.\./)+[\w.-]+")]
    private static partial Regex RelativePath();
}
