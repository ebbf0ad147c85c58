namespace VpcCni.PowerShell;

/// <summary>
/// Where the module finds its executables (vpc-cni-node, vpc-cni, vpc-cni-sim): <c>bin/</c> inside the
/// module folder, then <c>../bin/</c> beside it (the layout build.ps1 Publish makes: out/VpcCni and
/// out/bin), then the PATH. Start-VpcCniSimulation and Install-VpcCniNode share it.
/// </summary>
internal static class ModuleExecutables
{
    /// <summary>The module assembly's folder.</summary>
    public static string ModuleDirectory => Path.GetDirectoryName(typeof(ModuleExecutables).Assembly.Location)!;

    /// <summary>The bin directories next to the module, in search order.</summary>
    public static IReadOnlyList<string> BinDirectories =>
        [Path.GetFullPath(Path.Combine(ModuleDirectory, "bin")), Path.GetFullPath(Path.Combine(ModuleDirectory, "..", "bin"))];

    /// <summary>The first <paramref name="name"/> beside the module or on the PATH, or null.</summary>
    public static string? Find(string name) =>
        BinDirectories.Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists) is { } found ? Path.GetFullPath(found) : null;

    /// <summary>The first bin directory beside the module holding every one of <paramref name="names"/>, or null.</summary>
    public static string? FindDirectory(params string[] names) =>
        BinDirectories.FirstOrDefault(d => names.All(n => File.Exists(Path.Combine(d, n))));
}
