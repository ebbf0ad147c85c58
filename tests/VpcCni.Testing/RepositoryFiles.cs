namespace VpcCni.Testing;

/// <summary>
/// The checkout the tests run from, found by walking up to <c>VpcCni.sln</c>, and its text files:
/// for tests that hold the whole code base to a rule (catalogues, citations).
/// </summary>
public static class RepositoryFiles
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "out", ".git", ".tools", "node_modules"];

    /// <summary>The folder holding VpcCni.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Files under <paramref name="folder"/> (relative to the root) whose name ends with one of <paramref name="extensions"/>, build output excluded.</summary>
    public static IEnumerable<string> Under(string folder, params string[] extensions)
    {
        var start = Path.Combine(Root, folder);
        if (!Directory.Exists(start))
        {
            yield break;
        }

        var pending = new Stack<string>([start]);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var child in Directory.EnumerateDirectories(directory))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(child)))
                {
                    pending.Push(child);
                }
            }

            foreach (var file in Directory.EnumerateFiles(directory))
            {
                if (extensions.Any(e => file.EndsWith(e, StringComparison.Ordinal)))
                {
                    yield return file;
                }
            }
        }
    }

    /// <summary>The path relative to the root, with forward slashes, for messages.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VpcCni.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No VpcCni.sln above {AppContext.BaseDirectory}.");
    }
}
