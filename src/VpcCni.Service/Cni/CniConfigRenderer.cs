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

    /// <summary>
    /// The configuration list for <paramref name="settings"/>, UTF-8, indented, ending in a newline.
    /// <paramref name="ipamSocket"/> and <paramref name="networkPolicySocket"/> become the plugin's
    /// <c>ipamSocket</c> and <c>networkPolicySocket</c>.
    /// </summary>
    public static byte[] Render(VpcCniSettings settings, string ipamSocket, string networkPolicySocket)
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
