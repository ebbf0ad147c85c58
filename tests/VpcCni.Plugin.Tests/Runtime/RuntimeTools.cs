using System.Diagnostics;

namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>
/// The machine tools the runtime tests drive (Go, libcni's source, the reference plugins, containerd,
/// runc, busybox): a missing one fails the test with the Debian package that provides it (.ci/run
/// installs them all), and child processes run to completion with their output collected.
/// </summary>
public static class RuntimeTools
{
    /// <summary>Debian's containernetworking-plugins.</summary>
    public const string ReferencePlugins = "/usr/lib/cni";

    /// <summary>Fails when <paramref name="tool"/> (a command on PATH or an absolute path) is missing.</summary>
    public static string Require(string tool, string package)
    {
        var found = Path.IsPathRooted(tool)
            ? (File.Exists(tool) ? tool : null)
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(directory => Path.Combine(directory, tool)).FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException($"{tool} is missing: install the Debian package {package} (.ci/run does).");
    }

    /// <summary>Runs <paramref name="program"/> to completion.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return RunAsync(start, cancellationToken);
    }

    /// <summary>Runs <paramref name="start"/> to completion (stdout and stderr redirected, stdin closed).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(ProcessStartInfo start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs <paramref name="program"/> inside the network namespace at <paramref name="netns"/> (nsenter(1)).</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunInAsync(string netns, string program, IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        RunAsync("nsenter", ["--net=" + netns, program, .. arguments], cancellationToken);
}
