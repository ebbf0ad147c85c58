using System.Collections;

namespace VpcCni.Plugin;

/// <summary>
/// One execution of the plugin as the CNI spec defines it ("Execution protocol"): the environment,
/// the configuration on stdin, and the two output streams. The dispatcher reads nothing else, so tests
/// run it in-process without touching the process environment.
/// </summary>
/// <param name="Environment">The process environment (only <c>CNI_*</c> variables are read).</param>
/// <param name="Stdin">The network configuration.</param>
/// <param name="Stdout">The result or the error JSON, and nothing else.</param>
/// <param name="Stderr">Fallback for logs that cannot go to the log file.</param>
public sealed record CniInvocation(IReadOnlyDictionary<string, string> Environment, Stream Stdin, TextWriter Stdout, TextWriter Stderr)
{
    /// <summary>The real process's environment and standard streams.</summary>
    public static CniInvocation FromProcess()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        return new CniInvocation(environment, Console.OpenStandardInput(), Console.Out, Console.Error);
    }
}
