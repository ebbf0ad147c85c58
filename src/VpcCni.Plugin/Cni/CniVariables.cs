namespace VpcCni.Plugin.Cni;

/// <summary>
/// The <c>CNI_*</c> variables (CNI spec, "Parameters") and which command needs which: the table
/// containernetworking/cni pkg/skel keeps in <c>getCmdArgsFromEnv</c>, with CNI_PATH optional for
/// STATUS as the spec's STATUS section has it. A variable not listed for a command is optional there.
/// </summary>
public static class CniVariables
{
    public const string Command = "CNI_COMMAND";
    public const string ContainerId = "CNI_CONTAINERID";
    public const string Netns = "CNI_NETNS";
    public const string IfName = "CNI_IFNAME";
    public const string Args = "CNI_ARGS";
    public const string Path = "CNI_PATH";

    private static readonly Dictionary<CniCommand, string[]> Required = new()
    {
        [CniCommand.Add] = [Command, ContainerId, Netns, IfName, Path],
        [CniCommand.Check] = [Command, ContainerId, Netns, IfName, Path],
        [CniCommand.Del] = [Command, ContainerId, IfName, Path],
        [CniCommand.Gc] = [Command, Path],
        [CniCommand.Status] = [Command],
        [CniCommand.Version] = [Command],
    };

    /// <summary>The variables <paramref name="command"/> cannot run without, in the order the spec lists them.</summary>
    public static IReadOnlyList<string> RequiredFor(CniCommand command) => Required[command];

    /// <summary>CNI_COMMAND's value for each command.</summary>
    public static string NameOf(CniCommand command) => command.ToString().ToUpperInvariant();

    /// <summary>The command CNI_COMMAND names (exactly, upper case), or null.</summary>
    public static CniCommand? Parse(string? value) => value switch
    {
        "ADD" => CniCommand.Add,
        "DEL" => CniCommand.Del,
        "CHECK" => CniCommand.Check,
        "STATUS" => CniCommand.Status,
        "GC" => CniCommand.Gc,
        "VERSION" => CniCommand.Version,
        _ => null,
    };
}
