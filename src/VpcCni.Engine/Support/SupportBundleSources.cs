using VpcCni.Engine.Introspection;
using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Engine.Support;

/// <summary>
/// The sources of a node's bundle, in the EKS log collector's folders (upstream's
/// <c>eks-log-collector.sh</c>, <c>get_ipamd_info</c>, <c>get_networking_info</c>, <c>get_cni_config</c>;
/// docs/support-bundle.md lists them). Each reads one thing and fails on its own.
/// </summary>
public static class SupportBundleSources
{
    /// <summary>The introspection views the collector saves (its <c>IPAMD_DATA</c>), each to <c>ipamd/&lt;name&gt;.json</c>.</summary>
    public static IReadOnlyList<string> IntrospectionViews { get; } = ["enis", "pods", "networkutils-env-settings", "ipamd-env-settings", "eni-configs"];

    /// <summary>Every source of a node's bundle.</summary>
    public static IReadOnlyList<SupportBundleSource> Node(SupportBundleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sources = new List<SupportBundleSource>();
        foreach (var view in IntrospectionViews)
        {
            var content = view.EndsWith("-env-settings", StringComparison.Ordinal) ? SupportBundleContent.EnvironmentJson : SupportBundleContent.Text;
            sources.Add(new($"ipamd/{view}.json", $"{options.IntrospectionEndpoint}/v1/{view}", ct => HttpAsync(options.IntrospectionEndpoint, "/v1/" + view, options, ct), content));
        }

        // The collector names the Prometheus text metrics.json; kept, so tools that read its bundles find it.
        sources.Add(new("ipamd/metrics.json", $"{options.MetricsEndpoint}/metrics", ct => HttpAsync(options.MetricsEndpoint, "/metrics", options, ct)));
        sources.Add(File("ipamd/ipam.json", options.CheckpointFile, options));
        sources.Add(File("cni/" + Path.GetFileName(options.CniConfigFile), options.CniConfigFile, options));

        var network = new CommandRunner(NamespacePath(options.NetworkNamespace), options.ToolSearchPath);
        var host = new CommandRunner(null, options.ToolSearchPath);
        sources.Add(Command(Text("networking/iprule"), network, "ip", ["rule", "show"]));
        sources.Add(Command(Text("networking/iprule6"), network, "ip", ["-6", "rule", "show"]));
        sources.Add(Command(Text("networking/iproute"), network, "ip", ["route", "show", "table", "all"]));
        sources.Add(Command(Text("networking/iproute6"), network, "ip", ["-6", "route", "show", "table", "all"]));
        sources.Add(Command(Text("networking/iptables-save"), network, "iptables-save", []));
        sources.Add(Command(Text("networking/ip6tables-save"), network, "ip6tables-save", []));
        sources.Add(Command(Text("networking/nft-ruleset"), network, "nft", ["list", "ruleset"], optional: true));

        // The collector's --since "10 days ago" (systemd.time(7) accepts the relative form).
        sources.Add(Command($"system/{options.JournalUnit}.log", host, "journalctl", ["--unit", options.JournalUnit, "--no-pager", "--since", "10 days ago"]));
        sources.Add(File("system/" + Path.GetFileName(options.ConfigFile), options.ConfigFile, options, SupportBundleContent.EnvironmentFile));
        sources.Add(File("var_log/aws-routed-eni/" + Path.GetFileName(options.PluginLogFile), options.PluginLogFile, options));
        return sources;
    }

    private static string Text(string name) => name + SupportBundleBuilder.TextExtension;

    /// <summary>A namespace name (as <c>ip netns</c> makes them) becomes its path under <c>/var/run/netns</c> (ip-netns(8)).</summary>
    public static string? NamespacePath(string? networkNamespace) =>
        string.IsNullOrWhiteSpace(networkNamespace) ? null
        : networkNamespace.Contains('/', StringComparison.Ordinal) ? networkNamespace
        : "/var/run/netns/" + networkNamespace;

    private static async Task<string> HttpAsync(string endpoint, string path, SupportBundleOptions options, CancellationToken cancellationToken)
    {
        using var client = new IntrospectionClient(endpoint, options.IntrospectionTimeout);
        return await client.GetRawAsync(path, cancellationToken).ConfigureAwait(false);
    }

    private static SupportBundleSource File(string bundlePath, string file, SupportBundleOptions options, SupportBundleContent content = SupportBundleContent.Text) =>
        new(bundlePath, file, ct => TailAsync(file, options.MaxFileBytes, ct), content);

    /// <summary>The file, or its last <paramref name="maxBytes"/> bytes when it is larger.</summary>
    private static async Task<string> TailAsync(string file, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length > maxBytes)
        {
            stream.Seek(-maxBytes, SeekOrigin.End);
        }

        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SupportBundleSource Command(string bundlePath, CommandRunner runner, string program, string[] arguments, bool optional = false)
    {
        var description = (runner.NetworkNamespacePath is { } ns ? $"nsenter --net={ns} -- " : string.Empty) + program + (arguments.Length == 0 ? string.Empty : " " + string.Join(' ', arguments));
        return new(bundlePath, description, async ct =>
        {
            if (optional && runner.FindTool(program) is null)
            {
                throw new SupportBundleSkippedException($"{program} is not installed (searched {runner.ToolSearchPath}).");
            }

            var result = await runner.RunAsync(program, arguments, null, ct).ConfigureAwait(false);
            return result.Succeeded ? result.StandardOutput
                : throw new InvalidOperationException($"'{result.CommandLine}' exited with {result.ExitCode}: {result.StandardError.Trim()}");
        });
    }
}
