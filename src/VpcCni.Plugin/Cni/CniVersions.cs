namespace VpcCni.Plugin.Cni;

/// <summary>
/// The CNI spec versions the plugin speaks, and the version rules of the CNI spec ("Version
/// considerations"): a configuration without <c>cniVersion</c> means 0.1.0; CHECK needs 0.4.0 or
/// later, STATUS and GC 1.1.0 (containernetworking/cni pkg/skel <c>pluginMain</c>).
/// </summary>
public static class CniVersions
{
    public const string V040 = "0.4.0";
    public const string V100 = "1.0.0";
    public const string V110 = "1.1.0";

    /// <summary>What VERSION lists, oldest first.</summary>
    public static IReadOnlyList<string> Supported { get; } = [V040, V100, V110];

    /// <summary>The newest version: the one VERSION and an error without a usable configuration speak.</summary>
    public const string Latest = V110;

    public static bool IsSupported(string version) => Supported.Contains(version, StringComparer.Ordinal);

    /// <summary>The oldest configuration version a command accepts.</summary>
    public static string MinimumFor(CniCommand command) => command switch
    {
        CniCommand.Check => V040,
        CniCommand.Status or CniCommand.Gc => V110,
        _ => V040,
    };

    /// <summary>Whether <paramref name="version"/> (already known to be supported) is at least <paramref name="minimum"/>.</summary>
    public static bool AtLeast(string version, string minimum) =>
        System.Version.Parse(version).CompareTo(System.Version.Parse(minimum)) >= 0;

    /// <summary>0.4.0 results carry <c>"version"</c> in each IP entry; 1.0.0 dropped it (CNI spec, "Result").</summary>
    public static bool IpsCarryVersion(string version) => version == V040;
}
