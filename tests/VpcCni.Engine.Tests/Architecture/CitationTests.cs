using System.Text.RegularExpressions;

namespace VpcCni.Engine.Tests.Architecture;

/// <summary>
/// Comments and docs cite what a reader of this repository can open: upstream's files and
/// functions, the EC2 API reference, the CNI specification, man pages, our own docs/. Design notes
/// kept outside the repository are never cited.
/// </summary>
public sealed partial class CitationTests
{
    private static readonly string[] Folders = ["src", "tests", "bench", "build", "docs", "Tests.Pester", "packaging", ".ci"];

    [Fact]
    public void NoFileCitesADocumentOutsideTheRepository()
    {
        var self = nameof(CitationTests) + ".cs";
        var files = Folders.SelectMany(f => RepositoryFiles.Under(f, ".cs", ".md", ".ps1", ".psm1", ".psd1", ".csproj", ".props", ".proto", ".service", ".json", ".yaml", "run"))
            .Concat(new[] { "README.md", "build.ps1", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "VpcCni.psd1" }.Select(f => Path.Combine(RepositoryFiles.Root, f)))
            .Where(f => File.Exists(f) && Path.GetFileName(f) != self);

        var offenders = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (OutsideDocument().IsMatch(lines[i]) || (lines[i].Contains('§') && !OpenSection().IsMatch(lines[i])))
                {
                    offenders.Add($"{RepositoryFiles.Relative(file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [GeneratedRegex(@"style-anchors|reference §|reference-system|wire spec|wire-protocol|ec2-imds|ipamd-rpc\.md|vpc-cni-guide|peers-and-powershell|DESIGN\.md|\.\./shared|/work/shared", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideDocument();

    // A section sign is fine where the document is one anyone can open: the CNI spec, an RFC, a man page.
    [GeneratedRegex(@"CNI spec|RFC ?\d+|\w\((\d|\dp)\)")]
    private static partial Regex OpenSection();
}
