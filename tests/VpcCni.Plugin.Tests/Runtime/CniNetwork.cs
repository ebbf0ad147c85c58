using System.Text.Json;

namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>
/// One network configuration list driven through libcni as a runtime drives it: the conflist and a
/// plugin directory (symlinks to the plugins under test) in a temporary directory, libcni's own cache
/// directory beside them, and the driver run inside the node's network namespace, so that each plugin
/// process it executes sees that namespace as the host.
/// </summary>
public sealed class CniNetwork
{
    private readonly string _driver;

    private CniNetwork(string driver, string nodeNamespace, string directory)
    {
        _driver = driver;
        NodeNamespace = nodeNamespace;
        BinDirectory = Path.Combine(directory, "bin");
        ConfigDirectory = Path.Combine(directory, "net.d");
        CacheDirectory = Path.Combine(directory, "cache");
        ConflistPath = Path.Combine(ConfigDirectory, "10-test.conflist");
    }

    public string NodeNamespace { get; }

    /// <summary>The plugin search path (CNI_PATH) the driver gives libcni.</summary>
    public string BinDirectory { get; }

    public string ConfigDirectory { get; }

    public string CacheDirectory { get; }

    public string ConflistPath { get; }

    /// <summary>Lays out the conflist and the plugins (name → executable) under <paramref name="directory"/>.</summary>
    public static async Task<CniNetwork> CreateAsync(string nodeNamespace, string directory, string conflist, IReadOnlyDictionary<string, string> plugins, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        var network = new CniNetwork(await CniDriver.BuildAsync(cancellationToken), nodeNamespace, directory);
        Directory.CreateDirectory(network.BinDirectory);
        Directory.CreateDirectory(network.ConfigDirectory);
        Directory.CreateDirectory(network.CacheDirectory);
        foreach (var (name, executable) in plugins)
        {
            RuntimeTools.Require(executable, "containernetworking-plugins (or build.ps1 -Task Publish for vpc-cni)");
            File.CreateSymbolicLink(Path.Combine(network.BinDirectory, name), executable);
        }

        await File.WriteAllTextAsync(network.ConflistPath, conflist, cancellationToken);
        return network;
    }

    /// <summary>
    /// Puts a shim in front of <paramref name="plugin"/> that supplies, when <c>CNI_ARGS</c> is empty,
    /// the pod identity containerd's CRI plugin sends (<c>K8S_POD_NAMESPACE</c>, <c>K8S_POD_NAME</c>,
    /// <c>K8S_POD_INFRA_CONTAINER_ID</c>; containerd pkg/cri/server/sandbox_run.go, <c>cniNamespaceOpts</c>)
    /// and <c>ctr run --cni</c> does not: the pod is named after the attachment's container id.
    /// </summary>
    public void SupplyKubernetesIdentityTo(string plugin)
    {
        var link = Path.Combine(BinDirectory, plugin);
        var target = new FileInfo(link).LinkTarget ?? throw new InvalidOperationException($"{link} is not a plugin link");
        File.Delete(link);
        File.WriteAllText(link, $"""
            #!/bin/sh
            [ -n "$CNI_ARGS" ] || [ -z "$CNI_CONTAINERID" ] || export CNI_ARGS="IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=$CNI_CONTAINERID;K8S_POD_INFRA_CONTAINER_ID=$CNI_CONTAINERID"
            exec {target}

            """);
        File.SetUnixFileMode(link, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    public Task<CniOutcome> AddAsync(string containerId, string podNamespace, string ifName = "eth0", string? podName = null) =>
        RunAsync("add", podName, containerId, podNamespace, ifName);

    public Task<CniOutcome> CheckAsync(string containerId, string podNamespace, string ifName = "eth0", string? podName = null) =>
        RunAsync("check", podName, containerId, podNamespace, ifName);

    public Task<CniOutcome> DelAsync(string containerId, string podNamespace, string ifName = "eth0", string? podName = null) =>
        RunAsync("del", podName, containerId, podNamespace, ifName);

    /// <summary>GC with the attachments that are still valid, each as (container id, interface).</summary>
    public Task<CniOutcome> GcAsync(params (string ContainerId, string IfName)[] valid) =>
        RunAsync("gc", null, [.. valid.Select(v => v.ContainerId + "/" + v.IfName)]);

    public Task<CniOutcome> StatusAsync() => RunAsync("status", null);

    /// <summary><paramref name="rounds"/> timed ADD+DEL rounds in <paramref name="podNamespace"/>, one JSON object per call.</summary>
    public async Task<List<JsonElement>> BenchAsync(string podNamespace, int rounds, CancellationToken cancellationToken = default)
    {
        var outcome = (await RunAsync("bench", "bench-pod", [podNamespace, "eth0", rounds.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken)).AssertSucceeded();
        return [.. outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    private Task<CniOutcome> RunAsync(string verb, string? podName, params string[] arguments) => RunAsync(verb, podName, arguments, CancellationToken.None);

    private async Task<CniOutcome> RunAsync(string verb, string? podName, string[] arguments, CancellationToken cancellationToken)
    {
        List<string> command = [_driver, "-path", BinDirectory, "-cache", CacheDirectory];
        if (podName is not null)
        {
            command.AddRange(["-pod-name", podName]);
        }

        command.AddRange([verb, ConflistPath, .. arguments]);
        var (code, stdout, stderr) = await RuntimeTools.RunInAsync(NodeNamespace, command[0], command[1..], cancellationToken);
        return new CniOutcome(verb, code, stdout, stderr);
    }
}
