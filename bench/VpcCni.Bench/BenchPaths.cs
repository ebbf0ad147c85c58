namespace VpcCni.Bench;

/// <summary>Where the suites find this tree and what <c>build.ps1 -Task Publish</c> laid out in it.</summary>
public static class BenchPaths
{
    /// <summary>The repository root: the nearest folder above the working directory holding VpcCni.sln.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VpcCni.sln")))
            {
                return dir.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }

    /// <summary>A published executable in out/bin.</summary>
    public static string Published(string name) => Path.Combine(Root(), "out", "bin", name);
}
