using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// An external packet-filter tool (iptables-save, iptables-restore, nft…) exited non-zero or could
/// not be started. Carries the exit code and stderr so the cause is visible in one log line.
/// </summary>
public sealed class CommandFailedException : VpcCniException
{
    public CommandFailedException()
        : this("A packet-filter command failed.")
    {
    }

    public CommandFailedException(string message)
        : this(message, null)
    {
    }

    public CommandFailedException(string message, Exception? innerException)
        : base(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.PacketFilter.CommandFailed, message, innerException)
    {
        CommandLine = string.Empty;
        StandardError = string.Empty;
    }

    public CommandFailedException(CommandResult result)
        : base(
            VpcCniErrorCategory.ResourceUnavailable,
            ErrorIds.PacketFilter.CommandFailed,
            $"'{result?.CommandLine}' exited with code {result?.ExitCode}: {result?.StandardError.Trim()}")
    {
        ArgumentNullException.ThrowIfNull(result);
        CommandLine = result.CommandLine;
        ExitCode = result.ExitCode;
        StandardError = result.StandardError;
    }

    /// <summary>The command as run.</summary>
    public string CommandLine { get; }

    /// <summary>The exit code, or <c>null</c> when the process could not be started.</summary>
    public int? ExitCode { get; }

    /// <summary>What the tool wrote to stderr.</summary>
    public string StandardError { get; }
}
