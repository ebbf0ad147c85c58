using System.Text.RegularExpressions;

namespace VpcCni.Simulator.Tests;

/// <summary>
/// The layout rules of the simulator and its tests:
/// namespace = root namespace + folder path, and one top-level type per file (so at most one
/// public type), named after the file (partial files <c>Type.Part.cs</c> name the type before the first dot).
/// </summary>
public sealed partial class SourceLayoutTests
{
    [Theory]
    [InlineData("src/VpcCni.Simulator", "VpcCni.Simulator")]
    [InlineData("tests/VpcCni.Simulator.Tests", "VpcCni.Simulator.Tests")]
    public void EverySourceFileDeclaresTheNamespaceOfItsFolder(string project, string rootNamespace)
    {
        var wrong = new List<string>();
        foreach (var (relative, text) in Sources(project))
        {
            var folder = Path.GetDirectoryName(relative)!.Replace(Path.DirectorySeparatorChar, '.');
            var expected = folder.Length == 0 ? rootNamespace : $"{rootNamespace}.{folder}";
            var declared = NamespaceLine().Match(text);
            if (!declared.Success && relative == "Program.cs")
            {
                continue;
            }

            if (!declared.Success || declared.Groups[1].Value != expected)
            {
                wrong.Add($"{relative}: '{(declared.Success ? declared.Groups[1].Value : "(none)")}', expected '{expected}'");
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("src/VpcCni.Simulator")]
    [InlineData("tests/VpcCni.Simulator.Tests")]
    public void EverySourceFileHoldsOneTopLevelTypeNamedAfterTheFile(string project)
    {
        var wrong = new List<string>();
        foreach (var (relative, text) in Sources(project))
        {
            var typeName = Path.GetFileName(relative).Split('.')[0];
            var types = TopLevelType().Matches(text).Select(m => m.Groups[1].Value).ToList();
            if (relative == "Program.cs" && types.Count == 0)
            {
                continue;
            }

            if (types.Count != 1 || types[0] != typeName)
            {
                wrong.Add($"{relative}: [{string.Join(", ", types)}], expected [{typeName}]");
            }
        }

        Assert.Empty(wrong);
    }

    private static IEnumerable<(string Relative, string Text)> Sources(string project)
    {
        var root = Path.Combine(RepoRoot(), project);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(r => !r.StartsWith("obj", StringComparison.Ordinal) && !r.StartsWith("bin", StringComparison.Ordinal))
            .Select(r => (r, File.ReadAllText(Path.Combine(root, r))));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VpcCni.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("VpcCni.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    // File-scoped namespaces put top-level declarations at column 0; nested types are indented.
    [GeneratedRegex(@"^(?:public |internal |file )?(?:(?:sealed|static|abstract|partial|readonly|ref) )*(?:class|record struct|record|struct|interface|enum) (\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
