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
    /// <summary>Creates a runner for the current network namespace, or for <paramref name="networkNamespacePath"/> (e.g. <c>/var/run/netns/x</c>).</summary>
    public CommandRunner(string? networkNamespacePath = null)
    {
        NetworkNamespacePath = networkNamespacePath;
    }

    /// <summary>The namespace commands enter, or <c>null</c> for the caller's own.</summary>
    public string? NetworkNamespacePath { get; }

    /// <summary>Runs <paramref name="program"/> and returns its result whatever the exit code; throws only when it cannot start.</summary>
    public async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        ArgumentNullException.ThrowIfNull(arguments);
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (NetworkNamespacePath is { } ns)
        {
            startInfo.FileName = "nsenter";
            startInfo.ArgumentList.Add("--net=" + ns);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(program);
        }
        else
        {
            startInfo.FileName = program;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var commandLine = startInfo.FileName + " " + string.Join(' ', startInfo.ArgumentList);
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
