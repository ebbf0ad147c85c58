using System.Diagnostics;
using System.Text;

namespace VpcCni.Testing;

/// <summary>
/// The built <c>vpc-cni-node</c> executable run as a child process, with its stdout and stderr
/// collected line by line, real signals sent with kill(1), and a kill on dispose if it still runs.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly SemaphoreSlim _lineArrived = new(0);

    private const string PidPrefix = "vpc-cni-node pid: ";

    private const string DefaultSignals = "/usr/bin/env";

    private readonly bool _wrapped;

    private NodeProcess(Process process, bool wrapped)
    {
        _process = process;
        _wrapped = wrapped;
    }

    /// <summary>The apphost next to the test assembly (a project reference to VpcCni.Service copies it there).</summary>
    public static string ExecutablePath => Path.Combine(AppContext.BaseDirectory, "vpc-cni-node");

    /// <summary>Where a service started in <paramref name="directory"/> listens: a short path, as unix(7) limits it to 108 bytes.</summary>
    public static string SocketPathIn(TempDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return System.IO.Path.Combine(directory.Path, "run", "ipamd.sock");
    }

    /// <summary>The pid of vpc-cni-node itself (not of the wrapping shell).</summary>
    public async Task<int> NodePidAsync()
    {
        if (!_wrapped)
        {
            return _process.Id;
        }

        var line = await WaitForLineAsync(PidPrefix);
        return int.Parse(line[(line.IndexOf(PidPrefix, StringComparison.Ordinal) + PidPrefix.Length)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Stdout => Joined(_stdout);

    public string Stderr => Joined(_stderr);

    /// <summary>
    /// Starts the executable with <paramref name="arguments"/>. With <paramref name="systemdParentIn"/>
    /// (a directory for a symlink) its parent process is named <c>systemd</c>, which is how the .NET host (Microsoft.Extensions.Hosting.Systemd
    /// 10.0: <c>/proc/&lt;ppid&gt;/comm</c>, or PID 1 with NOTIFY_SOCKET) recognises a service: a shell
    /// started through a symlink called <c>systemd</c> runs the executable as its child and reports its pid.
    /// With <paramref name="netns"/> (a namespace path) it runs inside that network namespace: nsenter(1)
    /// enters it and execs the rest in the same process (no fork without <c>--pid</c>), so the pid stays the service's.
    /// </summary>
    public static NodeProcess Start(IEnumerable<string> arguments, IDictionary<string, string>? environment = null, string? systemdParentIn = null, string? netns = null)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        var asSystemdService = systemdParentIn is not null;
        if (systemdParentIn is not null)
        {
            // The kernel names a process after the file it executed (proc(5), /proc/pid/comm), symlink included.
            info.FileName = Path.Combine(systemdParentIn, "systemd");
            File.CreateSymbolicLink(info.FileName, "/bin/sh");
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("\"$0\" \"$@\" & echo \"" + PidPrefix + "$!\"; wait $!");
        }
        else if (netns is not null)
        {
            info.FileName = "nsenter";
            info.ArgumentList.Add("--net=" + netns);
            info.ArgumentList.Add(DefaultSignals);
        }
        else
        {
            info.FileName = DefaultSignals;
        }

        // A signal the test runner ignores (a suite started under nohup(1) ignores SIGHUP) stays ignored
        // across fork and exec (signal(7)), and .NET then never hands it to PosixSignalRegistration. env(1)
        // puts SIGHUP back to its default and execs the service in the same process, as systemd starts it.
        if (asSystemdService)
        {
            info.ArgumentList.Add(DefaultSignals);
        }

        info.ArgumentList.Add("--default-signal=HUP");
        info.ArgumentList.Add(ExecutablePath);

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Nothing of the test runner's own service context may leak into the child.
        foreach (var name in new[] { "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "SYSTEMD_EXEC_PID", "LISTEN_PID", "INVOCATION_ID" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";

        // Process tests run side by side: fixed introspection and metrics ports would collide. Outside
        // --simulate there is no instance metadata to initialise the node from, so the pool loop is off.
        info.Environment["DISABLE_INTROSPECTION"] = "true";
        info.Environment["DISABLE_METRICS"] = "true";
        if (!arguments.Contains("--simulate"))
        {
            info.Environment["NodeLoop__Enabled"] = "false";
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var node = new NodeProcess(process, asSystemdService);
        process.OutputDataReceived += (_, e) => node.Collect(node._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => node.Collect(node._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>
    /// Starts <c>vpc-cni-node run</c> without <c>--simulate</c> against <paramref name="sim"/>, a
    /// simulator that keeps running across restarts of the service, as AWS does: the upstream endpoint
    /// variables point at it, the socket and the checkpoint live in <paramref name="directory"/> (so a
    /// restart in the same directory finds them), timers are fast, and the host network is recorded
    /// rather than programmed (<c>HostNetwork:Simulated</c>). <paramref name="environment"/> adds or
    /// overrides variables (upstream names work, e.g. <c>WARM_IP_TARGET</c>). With <paramref name="netns"/>
    /// the service runs inside that network namespace (the simulator must then listen there too).
    /// </summary>
    public static NodeProcess StartAgainst(VpcCni.Simulator.Hosting.SimulatorServer sim, TempDirectory directory, IDictionary<string, string>? environment = null, IEnumerable<string>? arguments = null, string? netns = null)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(directory);
        var variables = new Dictionary<string, string>
        {
            ["AWS_EC2_ENDPOINT"] = sim.Ec2Endpoint.ToString(),
            ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = sim.ImdsEndpoint.ToString(),
            ["AWS_REGION"] = "us-west-2",
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["IpamSocket__Path"] = SocketPathIn(directory),
            ["Datastore__CheckpointPath"] = System.IO.Path.Combine(directory.Path, "ipam.json"),
            ["HostNetwork__Simulated"] = "true",
            ["NodeLoop__Enabled"] = "true",
            ["NodeLoop__Interval"] = "00:00:00.100",
            ["InstanceMetadata__InitialBackoffMilliseconds"] = "10",
            ["EniProvider__MetadataPollInterval"] = "00:00:00.010",
            ["EniProvider__DeleteRetryInterval"] = "00:00:00.010",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        return Start(["run", .. arguments ?? []], variables, netns: netns);
    }

    /// <summary>Waits until a line of stdout or stderr contains <paramref name="text"/>, and returns it.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        while (true)
        {
            lock (_gate)
            {
                var line = _stdout.Concat(_stderr).FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                if (line is not null)
                {
                    return line;
                }
            }

            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cts.Token);
                lock (_gate)
                {
                    var line = _stdout.Concat(_stderr).FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                    if (line is not null)
                    {
                        return line;
                    }
                }

                throw new InvalidOperationException($"vpc-cni-node exited ({_process.ExitCode}) before printing '{text}'.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            }

            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No line containing '{text}' within the timeout.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            }
        }
    }

    /// <summary>Sends <paramref name="signal"/> (TERM, HUP, …) with kill(1), as <c>ExecReload=/bin/kill -HUP $MAINPID</c> does.</summary>
    public async Task SignalAsync(string signal)
    {
        var pid = await NodePidAsync();
        using var kill = Process.Start(new ProcessStartInfo("/bin/kill") { ArgumentList = { "-s", signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the process to end and returns its exit status.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Runs the executable to completion (for commands that end by themselves).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        await using var node = Start(arguments);
        var exitCode = await node.WaitForExitAsync();
        return (exitCode, node.Stdout, node.Stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }

    private void Collect(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            lines.Add(line);
        }

        _lineArrived.Release();
    }

    private string Joined(List<string> lines)
    {
        lock (_gate)
        {
            return string.Join('\n', lines);
        }
    }
}
