using System.ComponentModel;
using System.Diagnostics;

namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// Runs the packet-filter tools (iptables-save, iptables-restore, iptables, nft). It is the only
/// place in this folder that starts processes. With a network-namespace path every command is
/// prefixed by <c>nsenter --net=&lt;path&gt; --</c> (nsenter(1)), which is how the root-lane tests
/// program throwaway namespaces; production leaves the path unset and runs in the host namespace.
/// </summary>
public sealed class CommandRunner
{
    /// <summary>
    /// Creates a runner for the current network namespace, or for <paramref name="networkNamespacePath"/>
    /// (e.g. <c>/var/run/netns/x</c>). Tools are looked up in <paramref name="toolSearchPath"/>, a
    /// colon-separated directory list like <c>PATH</c>; <c>null</c> means <see cref="DefaultToolSearchPath"/>.
    /// </summary>
    public CommandRunner(string? networkNamespacePath = null, string? toolSearchPath = null)
    {
        NetworkNamespacePath = networkNamespacePath;
        ToolSearchPath = toolSearchPath ?? DefaultToolSearchPath;
    }

    /// <summary>Where a node's distribution installs iptables, nft and nsenter.</summary>
    public const string DefaultToolSearchPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>The namespace commands enter, or <c>null</c> for the caller's own.</summary>
    public string? NetworkNamespacePath { get; }

    /// <summary>The directories searched for the tools, in order.</summary>
    public string ToolSearchPath { get; }

    /// <summary>The full path of <paramref name="program"/> in <see cref="ToolSearchPath"/>, or <c>null</c> when it is not installed there.</summary>
    public string? FindTool(string program) => FindIn(ToolSearchPath, program);

    /// <summary>Runs <paramref name="program"/> and returns its result whatever the exit code; throws only when it cannot start.</summary>
    public async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        ArgumentNullException.ThrowIfNull(arguments);
        var prefix = NetworkNamespacePath is { } ns ? $"nsenter --net={ns} -- " : string.Empty;
        var commandLine = prefix + program + (arguments.Count == 0 ? string.Empty : " " + string.Join(' ', arguments));
        var tool = FindTool(program)
            ?? throw new CommandFailedException($"'{commandLine}' could not be started: {program} is not installed (searched {ToolSearchPath}).");
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["PATH"] = ToolSearchPath;
        if (NetworkNamespacePath is not null)
        {
            // nsenter belongs to the runner, not to the packet filter, so it is not looked up in ToolSearchPath.
            startInfo.FileName = FindIn(DefaultToolSearchPath, "nsenter") ?? "nsenter";
            startInfo.ArgumentList.Add("--net=" + NetworkNamespacePath);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(tool);
        }
        else
        {
            startInfo.FileName = tool;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new CommandFailedException($"'{commandLine}' could not be started: {ex.Message}", ex);
        }

        using var registration = cancellationToken.Register(() => TryKill(process));
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool exited before reading all its input (EPIPE), e.g. iptables-restore stopping at
            // a bad line; its exit code and stderr below say why.
        }
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return new CommandResult(commandLine, process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>Runs <paramref name="program"/> and throws <see cref="CommandFailedException"/> unless it exits with 0.</summary>
    public async Task<CommandResult> RunCheckedAsync(string program, IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken)
    {
        var result = await RunAsync(program, arguments, standardInput, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result : throw new CommandFailedException(result);
    }

    private static string? FindIn(string searchPath, string program)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutable(program) ? program : null;
        }

        return searchPath.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited: nothing to stop.
        }
    }
}
