using System.Diagnostics;
using System.Globalization;

namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>
/// Debian's containerd and runc inside the node's network namespace, with root, state and sockets in
/// a temporary directory, in a private mount namespace (mount_namespaces(7)): there /etc, /opt and
/// /var/lib are overlays whose writes land in the temporary directory, /run is a fresh tmpfs, and
/// /etc/cni/net.d and /opt/cni/bin (the paths <c>ctr run --cni</c> reads, through go-cni) are bind
/// mounts of the test's conflist and plugin directories. The machine's own /etc/cni, /opt/cni,
/// /var/lib/cni and /run/containerd are never written. Containers run a busybox rootfs built here
/// (<c>ctr run --rootfs</c>, no image, no registry).
/// </summary>
public sealed class ContainerdInNamespace : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _nodeNamespace;
    private readonly Process _containerd;
    private readonly Dictionary<string, (Process Ctr, List<string> Output)> _running = new(StringComparer.Ordinal);

    private ContainerdInNamespace(string directory, string nodeNamespace, Process containerd)
    {
        _directory = directory;
        _nodeNamespace = nodeNamespace;
        _containerd = containerd;
    }

    private string Socket => Path.Combine(_directory, "run", "containerd.sock");

    /// <summary>Starts containerd with the CNI configuration of <paramref name="network"/> as the machine default.</summary>
    public static async Task<ContainerdInNamespace> StartAsync(CniNetwork network, string directory)
    {
        ArgumentNullException.ThrowIfNull(network);
        foreach (var (tool, package) in new[] { ("containerd", "containerd"), ("ctr", "containerd"), ("runc", "runc"), ("unshare", "util-linux") })
        {
            RuntimeTools.Require(tool, package);
        }

        foreach (var sub in new[] { "root", "state", "run", "etc/up", "etc/work", "opt/up", "opt/work", "varlib/up", "varlib/work", "rootfs/bin", "rootfs/proc", "rootfs/sys", "rootfs/dev", "rootfs/etc", "rootfs/tmp" })
        {
            Directory.CreateDirectory(Path.Combine(directory, sub));
        }

        File.Copy(RuntimeTools.Require(KernelView.Busybox, "busybox-static"), Path.Combine(directory, "rootfs/bin/busybox"));
        foreach (var applet in new[] { "sh", "ip", "sleep", "cat", "ping" })
        {
            File.CreateSymbolicLink(Path.Combine(directory, "rootfs/bin", applet), "busybox");
        }

        var config = Path.Combine(directory, "config.toml");
        await File.WriteAllTextAsync(config, $"""
            version = 2
            root = "{directory}/root"
            state = "{directory}/state"
            disabled_plugins = ["io.containerd.grpc.v1.cri"]
            [grpc]
              address = "{directory}/run/containerd.sock"
            [ttrpc]
              address = "{directory}/run/containerd.sock.ttrpc"
            """);
        var script = string.Join(" && ",
            $"mount -t overlay overlay -o lowerdir=/etc,upperdir={directory}/etc/up,workdir={directory}/etc/work /etc",
            $"mount -t overlay overlay -o lowerdir=/opt,upperdir={directory}/opt/up,workdir={directory}/opt/work /opt",
            $"mount -t overlay overlay -o lowerdir=/var/lib,upperdir={directory}/varlib/up,workdir={directory}/varlib/work /var/lib",
            "mount -t tmpfs tmpfs /run",
            "mkdir -p /etc/cni/net.d /opt/cni/bin",
            $"mount --bind {network.ConfigDirectory} /etc/cni/net.d",
            $"mount --bind {network.BinDirectory} /opt/cni/bin",
            $"exec containerd --config {config}");
        var start = new ProcessStartInfo("nsenter") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--net=" + network.NodeNamespace, "unshare", "--mount", "--propagation", "private", "sh", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        var log = new List<string>();
        var containerd = new Process { StartInfo = start };
        containerd.OutputDataReceived += (_, e) => Append(log, e.Data);
        containerd.ErrorDataReceived += (_, e) => Append(log, e.Data);
        containerd.Start();
        containerd.BeginOutputReadLine();
        containerd.BeginErrorReadLine();
        var started = new ContainerdInNamespace(directory, network.NodeNamespace, containerd);
        for (var i = 0; i < 200 && !File.Exists(started.Socket); i++)
        {
            if (containerd.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        if (!File.Exists(started.Socket))
        {
            await started.DisposeAsync();
            throw new InvalidOperationException("containerd did not start:\n" + Joined(log));
        }

        return started;
    }

    /// <summary>
    /// <c>ctr run --rm --cni</c> of a container that prints its eth0 IPv4 address, a ready line, then
    /// sleeps; returns that address line once the container is ready. ctr itself adds and, when the
    /// task ends, deletes the CNI network, so the run stays in the foreground until <see cref="StopAsync"/>.
    /// </summary>
    public async Task<string> RunAsync(string id)
    {
        var rootfs = Path.Combine(_directory, "rootfs-" + id);
        CopyTree(Path.Combine(_directory, "rootfs"), rootfs);
        var output = new List<string>();
        var ctr = StartCtr(["run", "--rm", "--cni", "--env", "PATH=/bin", "--rootfs", rootfs, id, "/bin/sh", "-c", "ip -4 -o addr show dev eth0; echo ready; exec sleep 600"], output);
        _running[id] = (ctr, output);
        for (var i = 0; i < 300; i++)
        {
            lock (output)
            {
                if (output.Contains("ready"))
                {
                    return output.FirstOrDefault(l => l.Contains("inet ", StringComparison.Ordinal)) ?? string.Empty;
                }
            }

            if (ctr.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"container {id} never became ready:\n{Joined(output)}");
    }

    /// <summary><c>ctr task exec</c> in a running container; returns (exit code, output).</summary>
    public async Task<(int ExitCode, string Output)> ExecAsync(string id, params string[] command)
    {
        var output = new List<string>();
        using var ctr = StartCtr(["task", "exec", "--exec-id", "x" + Guid.NewGuid().ToString("N")[..8], id, .. command], output);
        await ctr.WaitForExitAsync();
        return (ctr.ExitCode, Joined(output));
    }

    /// <summary>Kills the container's task; its <c>ctr run</c> then deletes the network and the container and exits.</summary>
    public async Task<(int ExitCode, string Output)> StopAsync(string id)
    {
        var (run, output) = _running[id];
        using (var kill = StartCtr(["task", "kill", "--signal", "SIGKILL", id], []))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await run.WaitForExitAsync(timeout.Token);
        _running.Remove(id);
        var exitCode = run.ExitCode;
        run.Dispose();
        return (exitCode, Joined(output));
    }

    /// <summary>The containers containerd still knows (<c>ctr containers list -q</c>).</summary>
    public async Task<List<string>> ContainersAsync()
    {
        var output = new List<string>();
        using var ctr = StartCtr(["containers", "list", "-q"], output);
        await ctr.WaitForExitAsync();
        return [.. output.Where(l => l.Length > 0)];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _running.Keys.ToList())
        {
            try
            {
                await StopAsync(id);
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
            {
                // A container that does not stop must not keep containerd alive: its process tree goes below.
                _running[id].Ctr.Kill(entireProcessTree: true);
                _running.Remove(id);
            }
        }

        if (!_containerd.HasExited)
        {
            // SIGTERM lets containerd stop its shims' bookkeeping; SIGKILL after a grace period.
            using (Process.Start("kill", ["-TERM", _containerd.Id.ToString(CultureInfo.InvariantCulture)]))
            {
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _containerd.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _containerd.Kill(entireProcessTree: true);
            }
        }

        _containerd.Dispose();
    }

    private Process StartCtr(IEnumerable<string> arguments, List<string> output)
    {
        var start = new ProcessStartInfo("nsenter") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { $"--mount=/proc/{_containerd.Id}/ns/mnt", "--net=" + _nodeNamespace, "ctr", "--address", Socket }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var ctr = new Process { StartInfo = start };
        ctr.OutputDataReceived += (_, e) => Append(output, e.Data);
        ctr.ErrorDataReceived += (_, e) => Append(output, e.Data);
        ctr.Start();
        ctr.BeginOutputReadLine();
        ctr.BeginErrorReadLine();
        return ctr;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = file.Replace(from, to, StringComparison.Ordinal);
            if (new FileInfo(file).LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link);
            }
            else
            {
                File.Copy(file, target);
            }
        }
    }

    private static void Append(List<string> lines, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    private static string Joined(List<string> lines)
    {
        lock (lines)
        {
            return string.Join('\n', lines);
        }
    }
}
