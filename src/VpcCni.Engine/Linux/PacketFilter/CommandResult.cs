namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>The outcome of one external command run by <see cref="CommandRunner"/>.</summary>
/// <param name="CommandLine">The command as run, for messages (never contains secrets: only iptables/nft arguments).</param>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
public sealed record CommandResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>True when the process exited with code 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
