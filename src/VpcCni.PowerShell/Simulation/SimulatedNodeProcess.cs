using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using VpcCni.Engine.Errors;

namespace VpcCni.PowerShell.Simulation;

/// <summary>
/// Starts and stops <c>vpc-cni-node run --simulate</c> (docs/service.md, "--simulate") for the
/// simulation cmdlets. Each run gets its own temporary directory for the IPAM socket, the checkpoint,
/// the environment file, the conflist and the introspection socket, and a free loopback port for metrics, so two
/// simulations and a real node on the same machine never share an address.
/// </summary>
internal static partial class SimulatedNodeProcess
{
    /// <summary>The executable's name, as build.ps1 Publish lays it out in out/bin.</summary>
    public const string ExecutableName = "vpc-cni-node";

    /// <summary>
    /// The executable to run: <paramref name="nodePath"/> when given; else <c>bin/</c> inside the
    /// module folder, then <c>../bin/</c> beside it (the layout build.ps1 Publish makes: out/VpcCni
    /// and out/bin), then the PATH.
    /// </summary>
    public static string Resolve(string? nodePath)
    {
        if (nodePath is not null)
        {
            return File.Exists(nodePath) ? Path.GetFullPath(nodePath) : throw NotFound($"'{nodePath}' does not exist");
        }

        var module = ModuleExecutables.ModuleDirectory;
        return ModuleExecutables.Find(ExecutableName)
            ?? throw NotFound($"none next to the module ({module}/bin, {module}/../bin) nor on the PATH; give -NodePath or run build.ps1 -Task Publish");
    }

    /// <summary>The Node name a simulation reads the cluster as, unless its variables set MY_NODE_NAME.</summary>
    public const string NodeName = "vpc-cni-simulation";

    /// <summary>Starts the node, reading the cluster of <paramref name="kubeconfig"/> when given; its endpoints fill in as it prints them.</summary>
    public static VpcCniSimulation Start(string executable, string? scenario, IDictionary? variables, string? kubeconfig = null)
    {
        var run = Directory.CreateTempSubdirectory("vpccni-sim-").FullName;
        try
        {
            var config = Path.Combine(run, VpcCniSimulation.EnvironmentFileName);
            File.WriteAllText(config, EnvironmentFile(variables));
            var metrics = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{FreeLoopbackPort()}");
            var info = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };

            // Host keys go before --simulate: the token after it is the scenario (docs/service.md, "Command line").
            foreach (var argument in new[]
            {
                // Polled every second, so an edit (Set-VpcCniWarmPool) applies without a signal (docs/service.md, "--config-poll").
                "run", "--config", config, "--config-poll", "1", $"--IpamSocket:Path={Path.Combine(run, "ipamd.sock")}",
                $"--Datastore:CheckpointPath={Path.Combine(run, "ipam.json")}", $"--CniConfig:Directory={run}", $"--Metrics:BindAddress={metrics}", "--simulate",
            })
            {
                info.ArgumentList.Add(argument);
            }

            if (kubeconfig is not null)
            {
                // --simulate reads no cluster unless told to (docs/kubernetes.md, "When the API is used"); the node
                // needs a name to read its Node object by, which the env file's MY_NODE_NAME overrides.
                info.ArgumentList.Insert(info.ArgumentList.IndexOf("--simulate"), "--Kubernetes:Enabled=true");
                info.ArgumentList.Insert(info.ArgumentList.IndexOf("--simulate"), $"--Kubernetes:Kubeconfig={kubeconfig}");
                info.Environment["MY_NODE_NAME"] = NodeName;
            }

            if (scenario is not null)
            {
                info.ArgumentList.Add(scenario);
            }

            // The session's own service context must not reach the child, nor a caller's switches turn its listeners off.
            foreach (var name in new[] { "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_PID", "LISTEN_FDS" })
            {
                info.Environment.Remove(name);
            }

            var introspection = Path.Combine(run, "introspection.sock");
            info.Environment["INTROSPECTION_BIND_ADDRESS"] = "unix:" + introspection;
            info.Environment["DISABLE_INTROSPECTION"] = "false";
            info.Environment["DISABLE_METRICS"] = "false";
            info.Environment["DOTNET_NOLOGO"] = "1";

            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            process.Start();
            var simulation = new VpcCniSimulation(process, run, scenario, "unix:" + introspection, "http://" + metrics) { Kubeconfig = kubeconfig };
            process.OutputDataReceived += (_, e) => Read(simulation, e.Data);
            process.ErrorDataReceived += (_, e) => simulation.CollectError(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return simulation;
        }
        catch
        {
            DeleteDirectory(run);
            throw;
        }
    }

    /// <summary>
    /// Stops the node as systemd would (SIGTERM, then SIGKILL after <paramref name="grace"/>) and removes
    /// its directory. Stopping a stopped simulation only cleans up.
    /// </summary>
    public static void Stop(VpcCniSimulation simulation, TimeSpan grace)
    {
        if (simulation.IsRunning)
        {
            // .NET has no SIGTERM API; kill(1) sends it to this one process id (kill(1), signal(7)).
            // Without kill(1) on the PATH the node gets SIGKILL below, after the grace period is skipped.
            try
            {
                using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", simulation.ProcessId.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
                kill?.WaitForExit();
            }
            catch (System.ComponentModel.Win32Exception)
            {
                grace = TimeSpan.Zero;
            }

            if (!simulation.Process.WaitForExit(grace))
            {
                simulation.Process.Kill(entireProcessTree: true);
                simulation.Process.WaitForExit();
            }
        }

        simulation.Process.Dispose();
        DeleteDirectory(simulation.RunDirectory);
        SimulationRegistry.Remove(simulation);
    }

    public static VpcCniException NotFound(string why) =>
        new(VpcCniErrorCategory.NotFound, ErrorIds.Introspection.NodeExecutableNotFound, $"No {ExecutableName} executable to simulate a node with: {why}.");

    private static void Read(VpcCniSimulation simulation, string? line)
    {
        simulation.CollectOutput(line);
        if (line is null)
        {
            return;
        }

        if (Printed().Match(line) is { Success: true } match)
        {
            var value = match.Groups["value"].Value.Trim();
            switch (match.Groups["what"].Value)
            {
                case "IPAM socket": simulation.IpamSocket = value; break;
                case "Checkpoint": simulation.Checkpoint = value; break;
                case "Simulator EC2 endpoint": simulation.Ec2Endpoint = value; break;
                case "Simulator control endpoint": simulation.ControlEndpoint = value; break;
                default:
                    simulation.ImdsEndpoint ??= value;
                    simulation.InstanceId ??= match.Groups["instance"].Value;
                    break;
            }
        }
    }

    /// <summary>Upstream variables (and host keys) as systemd's EnvironmentFile= lines (systemd.exec(5)), which --config reads.</summary>
    private static string EnvironmentFile(IDictionary? variables)
    {
        var text = new StringBuilder();
        foreach (DictionaryEntry entry in variables ?? new Hashtable())
        {
            var value = entry.Value switch
            {
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v?.ToString() ?? string.Empty,
            };
            text.Append(CultureInfo.InvariantCulture, $"{entry.Key}={value}\n");
        }

        return text.ToString();
    }

    /// <summary>A port the kernel has just handed out on loopback; the node binds it a moment later.</summary>
    private static int FreeLoopbackPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static void DeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: stopping is idempotent.
        }
    }

    [GeneratedRegex(@"^(?<what>IPAM socket|Checkpoint|Simulator EC2 endpoint|Simulator control endpoint|Simulator IMDS endpoint \((?<instance>[^)]*)\)): (?<value>.+)$")]
    private static partial Regex Printed();
}
