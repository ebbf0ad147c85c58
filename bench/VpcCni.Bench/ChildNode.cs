using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace VpcCni.Bench;

/// <summary>
/// <c>vpc-cni-node run</c> as a child process: its socket path from the line it prints, its output
/// drained so it never blocks, stopped with SIGTERM.
/// </summary>
public sealed class ChildNode : IDisposable
{
    private const string SocketLinePrefix = "IPAM socket: ";

    private readonly Process _process;
    private readonly TaskCompletionSource<string> _socketPath = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _stderr = new();

    /// <summary>Starts <paramref name="executable"/> with <paramref name="arguments"/> and <paramref name="environment"/> added to this process's own.</summary>
    public ChildNode(string executable, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith(SocketLinePrefix, StringComparison.Ordinal) == true)
            {
                _socketPath.TrySetResult(e.Data[SocketLinePrefix.Length..].Trim());
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    /// <summary>The socket path the child prints once it serves.</summary>
    public async Task<string> SocketPathAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var exited = _process.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(_socketPath.Task, exited, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        if (first == _socketPath.Task)
        {
            var path = await _socketPath.Task.ConfigureAwait(false);
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (!File.Exists(path) && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }

            return path;
        }

        string stderr;
        lock (_stderr)
        {
            stderr = _stderr.ToString();
        }

        throw new InvalidOperationException(first == exited
            ? $"vpc-cni-node exited with status {_process.ExitCode} before serving: {stderr}"
            : $"vpc-cni-node printed no socket path within {timeout.TotalSeconds:0} s: {stderr}");
    }

    /// <summary>SIGTERM, then SIGKILL if it has not stopped within ten seconds.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))!)
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
