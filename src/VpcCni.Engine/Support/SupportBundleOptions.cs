using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Engine.Support;

/// <summary>Where <see cref="SupportBundleSources.Node"/> reads a node from; the defaults are a real node's paths and ports.</summary>
public sealed record SupportBundleOptions
{
    /// <summary>The introspection listener (upstream's <c>:61679</c>).</summary>
    public string IntrospectionEndpoint { get; init; } = Introspection.IntrospectionEndpoint.DefaultIntrospection;

    /// <summary>The metrics listener (upstream's <c>:61678</c>).</summary>
    public string MetricsEndpoint { get; init; } = Introspection.IntrospectionEndpoint.DefaultMetrics;

    /// <summary>Time one introspection read may take (the collector's <c>curl --max-time 3</c>, a little more).</summary>
    public TimeSpan IntrospectionTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Run the networking commands inside this namespace: a name under <c>/var/run/netns</c> or a path; null for the caller's.</summary>
    public string? NetworkNamespace { get; init; }

    public string ConfigFile { get; init; } = "/etc/vpc-cni/vpc-cni.env";

    public string CniConfigFile { get; init; } = "/etc/cni/net.d/10-aws.conflist";

    public string CheckpointFile { get; init; } = "/var/run/aws-node/ipam.json";

    public string PluginLogFile { get; init; } = "/var/log/aws-routed-eni/plugin.log";

    /// <summary>The systemd unit whose journal is collected.</summary>
    public string JournalUnit { get; init; } = "vpc-cni-node";

    /// <summary>Where ip, iptables-save, nft and journalctl are looked up.</summary>
    public string ToolSearchPath { get; init; } = CommandRunner.DefaultToolSearchPath;

    /// <summary>The largest part of a log file kept (its end, as the collector keeps the last 100 MB of messages).</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;
}
