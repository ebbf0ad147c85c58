using System.Text.RegularExpressions;
using VpcCni.Engine.Errors;

namespace VpcCni.Plugin.Cni;

/// <summary>
/// The protocol parameters of one invocation, read from the injected environment and validated as
/// containernetworking/cni pkg/utils does (<c>ValidateContainerID</c>, <c>ValidateInterfaceName</c>).
/// </summary>
public sealed partial record CniEnvironment(CniCommand Command, string ContainerId, string Netns, string IfName, string Args, string Path)
{
    /// <summary>Reads and validates the variables <paramref name="command"/> needs; throws <see cref="CniException"/> with code 4.</summary>
    public static CniEnvironment Read(CniCommand command, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string Get(string name) => environment.TryGetValue(name, out var value) ? value : string.Empty;
        var missing = CniVariables.RequiredFor(command).Where(name => Get(name).Length == 0).ToList();
        if (missing.Count > 0)
        {
            throw Invalid(ErrorIds.Plugin.MissingEnvironment, $"Required environment variables [{string.Join(',', missing)}] are missing for {CniVariables.NameOf(command)}.");
        }

        var result = new CniEnvironment(command, Get(CniVariables.ContainerId), Get(CniVariables.Netns), Get(CniVariables.IfName), Get(CniVariables.Args), Get(CniVariables.Path));
        if (result.ContainerId.Length > 0 && !NameFormat().IsMatch(result.ContainerId))
        {
            throw Invalid(ErrorIds.Plugin.InvalidEnvironment, $"CNI_CONTAINERID '{result.ContainerId}' has invalid characters: it must start with a letter or digit, followed by letters, digits, '_', '.' or '-'.");
        }

        if (result.IfName.Length > 0 && InterfaceNameProblem(result.IfName) is { } problem)
        {
            throw Invalid(ErrorIds.Plugin.InvalidEnvironment, $"CNI_IFNAME '{result.IfName}' {problem}.");
        }

        if (result.Netns.Length > 0 && !System.IO.Path.IsPathFullyQualified(result.Netns))
        {
            throw Invalid(ErrorIds.Plugin.InvalidEnvironment, $"CNI_NETNS '{result.Netns}' is not an absolute path.");
        }

        return result;
    }

    /// <summary>Container ids and network names share one format (CNI spec, "Parameters" and "Configuration format").</summary>
    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.\\-]*$")]
    internal static partial Regex NameFormat();

    /// <summary>What is wrong with an interface name (IFNAMSIZ, no '/', ':' or whitespace), or null.</summary>
    internal static string? InterfaceNameProblem(string name) =>
        name.Length > 15 ? "is longer than 15 characters"
        : name is "." or ".." ? "is '.' or '..'"
        : name.Any(c => c is '/' or ':' || char.IsWhiteSpace(c)) ? "contains '/', ':' or whitespace"
        : null;

    private static CniException Invalid(string errorId, string message) => new(CniErrorCodes.InvalidEnvironment, errorId, message);
}
