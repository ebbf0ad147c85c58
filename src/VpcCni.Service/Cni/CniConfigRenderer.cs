using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Configuration;

namespace VpcCni.Service.Cni;

/// <summary>
/// Renders the network configuration list (CNI spec, section "Network configuration lists") from
/// the node's settings, as upstream's <c>cmd/aws-vpc-cni/main.go</c> <c>generateJSON</c> fills
/// <c>misc/10-aws.conflist</c>. The template is <c>packaging/cni/10-aws.conflist</c>, embedded: it holds
/// the default values, so a node with default settings writes exactly the shipped file. Values are
/// set by key on the parsed document, never spliced into its text, so a path with a quote or a
/// backslash still yields valid JSON. <c>System.Text.Json.Nodes</c> needs no reflection (Native AOT).
/// </summary>
public static class CniConfigRenderer
{
    /// <summary>The manifest name of the embedded template.</summary>
    public const string TemplateResource = "VpcCni.Service.Cni.10-aws.conflist";

    /// <summary>The sysctls upstream's tuning plugin entry sets for <c>DISABLE_POD_V6</c>.</summary>
    private static readonly string[] PodIpv6Sysctls =
        ["net.ipv6.conf.all.disable_ipv6", "net.ipv6.conf.default.disable_ipv6", "net.ipv6.conf.lo.disable_ipv6"];

    /// <summary>Where a client on the node reaches introspection by default (<c>INTROSPECTION_BIND_ADDRESS</c>'s default).</summary>
    public const string DefaultIntrospectionAddress = "127.0.0.1:61679";

    /// <summary>
    /// The address a client on the node dials for the listener <paramref name="options"/> configures, or
    /// null when introspection is off: a listener on every address is reached on loopback.
    /// </summary>
    public static string? IntrospectionDialAddress(Introspection.IntrospectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Disabled)
        {
            return null;
        }

        var listener = options.ParseListener();
        if (listener.UnixPath is { } path)
        {
            return "unix:" + path;
        }

        var host = listener.Address switch
        {
            null => "127.0.0.1",
            { } any when any.Equals(System.Net.IPAddress.Any) => "127.0.0.1",
            { } any when any.Equals(System.Net.IPAddress.IPv6Any) => "[::1]",
            { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } v6 => $"[{v6}]",
            { } address => address.ToString(),
        };
        return $"{host}:{listener.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The configuration list for <paramref name="settings"/>, UTF-8, indented, ending in a newline.
    /// <paramref name="ipamSocket"/> and <paramref name="networkPolicySocket"/> become the plugin's
    /// <c>ipamSocket</c> and <c>networkPolicySocket</c>; <paramref name="introspectionAddress"/> (where the
    /// plugin's GC lists allocations: <c>host:port</c> or <c>unix:/path</c>) its <c>introspectionAddress</c>,
    /// left out when introspection is off.
    /// </summary>
    public static byte[] Render(VpcCniSettings settings, string ipamSocket, string networkPolicySocket, string? introspectionAddress = DefaultIntrospectionAddress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(ipamSocket);
        ArgumentException.ThrowIfNullOrEmpty(networkPolicySocket);

        var list = LoadTemplate();
        var plugins = list["plugins"]!.AsArray();
        var vpcCni = plugins[0]!.AsObject();
        var networking = settings.Networking;
        vpcCni["vethPrefix"] = networking.VethPrefix;

        // A string, as upstream writes it; the plugin reads a string or a number.
        vpcCni["mtu"] = networking.EffectivePodMtu.ToString(CultureInfo.InvariantCulture);
        vpcCni["podSGEnforcingMode"] = settings.CustomNetworking.PodSecurityGroupEnforcingMode switch
        {
            PodSecurityGroupEnforcingMode.Standard => "standard",
            _ => "strict",
        };
        vpcCni["pluginLogFile"] = settings.Logging.PluginLogFile;
        vpcCni["pluginLogLevel"] = PluginLogLevelName(settings.Logging.PluginLogLevel);
        vpcCni["ipamSocket"] = ipamSocket;
        vpcCni["networkPolicySocket"] = networkPolicySocket;
        if (introspectionAddress is null)
        {
            vpcCni.Remove("introspectionAddress");
        }
        else
        {
            vpcCni["introspectionAddress"] = introspectionAddress;
        }

        // Chained after portmap, in upstream's order: bandwidth, then tuning.
        if (networking.EnableBandwidthPlugin)
        {
            plugins.Add((JsonNode)new JsonObject { ["type"] = "bandwidth", ["capabilities"] = new JsonObject { ["bandwidth"] = true } });
        }

        if (networking.DisablePodV6)
        {
            var sysctl = new JsonObject();
            foreach (var name in PodIpv6Sysctls)
            {
                sysctl[name] = "1";
            }

            plugins.Add((JsonNode)new JsonObject { ["type"] = "tuning", ["sysctl"] = sysctl });
        }

        return Serialize(list);
    }

    /// <summary>
    /// Upstream's spelling of a plugin log level (<c>AWS_VPC_K8S_PLUGIN_LOG_LEVEL</c>, default <c>Debug</c>),
    /// which both plugins read in any letter case.
    /// </summary>
    public static string PluginLogLevelName(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "Debug",
        LogLevel.Information => "Info",
        LogLevel.Warning => "Warn",
        LogLevel.Error => "Error",
        LogLevel.Critical => "Fatal",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "The plugin has no log level for this value."),
    };

    private static JsonObject LoadTemplate()
    {
        using var stream = typeof(CniConfigRenderer).Assembly.GetManifestResourceStream(TemplateResource)
            ?? throw new InvalidOperationException($"The embedded CNI configuration template '{TemplateResource}' is missing from the build.");
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static byte[] Serialize(JsonObject list)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            list.WriteTo(writer);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
