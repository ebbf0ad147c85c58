using System.Globalization;
using System.Text.Json;

namespace VpcCni.Plugin.Cni;

/// <summary>
/// Reads the network configuration and a <c>prevResult</c> through <see cref="JsonDocument"/>, by the
/// wire names the records' <c>[JsonPropertyName]</c> attributes state. Keys match case-insensitively
/// and a repeated key's last value wins, as Go's encoding/json reads them for upstream's plugin; a
/// value of the wrong JSON type, or a missing required field, throws <see cref="JsonException"/>.
/// </summary>
/// <remarks>
/// The serializer's metadata for these types (converters, property tables, a reflection scan per type
/// for polymorphism attributes) was built on every start and took about a third of an ADD's own CPU
/// time before its first system call (perf record, docs/plugin.md "Start-up"); the document reader
/// needs none of it.
/// </remarks>
public static class CniJsonReader
{
    /// <summary>The configuration on stdin (CNI spec, "Network configuration"); other keys are ignored.</summary>
    public static NetConfDocument ReadNetConf(ReadOnlySpan<byte> utf8)
    {
        using var document = Parse(utf8);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"The network configuration must be a JSON object, not {root.ValueKind}.");
        }

        var conf = new NetConfDocument();
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            conf = Key(property) switch
            {
                "cniversion" => conf with { CniVersion = String(value, "cniVersion") },
                "name" => conf with { Name = String(value, "name") },
                "type" => conf with { Type = String(value, "type") },
                "vethprefix" => conf with { VethPrefix = String(value, "vethPrefix") },
                "mtu" => conf with { Mtu = Mtu(value) },
                "podsgenforcingmode" => conf with { PodSgEnforcingMode = String(value, "podSGEnforcingMode") },
                "pluginlogfile" => conf with { PluginLogFile = String(value, "pluginLogFile") },
                "pluginloglevel" => conf with { PluginLogLevel = String(value, "pluginLogLevel") },
                "ipamsocket" => conf with { IpamSocket = String(value, "ipamSocket") },
                "networkpolicysocket" => conf with { NetworkPolicySocket = String(value, "networkPolicySocket") },
                "introspectionaddress" => conf with { IntrospectionAddress = String(value, "introspectionAddress") },
                "runtimeconfig" => conf with { RuntimeConfig = RuntimeConfig(value) },
                "prevresult" => conf with { PrevResult = IsNull(value) ? null : ReadResult(value) },
                "cni.dev/attachments" => conf with { Attachments = List(value, "cni.dev/attachments", Attachment) },
                "cni.dev/valid-attachments" => conf with { ValidAttachments = List(value, "cni.dev/valid-attachments", Attachment) },
                _ => conf,
            };
        }

        return conf;
    }

    /// <summary>A result (CNI spec, "Success") of any version the plugin speaks, as DEL and CHECK get it back.</summary>
    public static CniResult ReadResult(JsonElement value)
    {
        var result = new CniResult();
        foreach (var property in Object(value, "prevResult"))
        {
            var item = property.Value;
            result = Key(property) switch
            {
                "cniversion" => result with { CniVersion = String(item, "cniVersion") },
                "interfaces" => result with { Interfaces = List(item, "interfaces", Interface) },
                "ips" => result with { Ips = List(item, "ips", IpConfig) },
                "routes" => result with { Routes = List(item, "routes", Route) },
                "dns" => result with { Dns = IsNull(item) ? null : Dns(item) },
                _ => result,
            };
        }

        return result;
    }

    /// <summary>One JSON value and nothing after it; a UTF-8 byte order mark is skipped.</summary>
    private static JsonDocument Parse(ReadOnlySpan<byte> utf8) => JsonDocument.Parse(utf8.ToArray());

    private static CniInterface Interface(JsonElement value)
    {
        string? name = null, mac = null, sandbox = null, socketPath = null, pciId = null;
        int? mtu = null;
        foreach (var property in Object(value, "interfaces[]"))
        {
            var item = property.Value;
            switch (Key(property))
            {
                case "name": name = String(item, "name"); break;
                case "mac": mac = String(item, "mac"); break;
                case "mtu": mtu = Int(item, "mtu"); break;
                case "sandbox": sandbox = String(item, "sandbox"); break;
                case "socketpath": socketPath = String(item, "socketPath"); break;
                case "pciid": pciId = String(item, "pciID"); break;
            }
        }

        return new CniInterface { Name = Required(name, "interfaces[].name"), Mac = mac, Mtu = mtu, Sandbox = sandbox, SocketPath = socketPath, PciId = pciId };
    }

    private static CniIpConfig IpConfig(JsonElement value)
    {
        string? version = null, address = null, gateway = null;
        int? index = null;
        foreach (var property in Object(value, "ips[]"))
        {
            var item = property.Value;
            switch (Key(property))
            {
                case "version": version = String(item, "version"); break;
                case "address": address = String(item, "address"); break;
                case "gateway": gateway = String(item, "gateway"); break;
                case "interface": index = Int(item, "interface"); break;
            }
        }

        return new CniIpConfig { Version = version, Address = Required(address, "ips[].address"), Gateway = gateway, Interface = index };
    }

    private static CniRoute Route(JsonElement value)
    {
        string? destination = null, gateway = null;
        foreach (var property in Object(value, "routes[]"))
        {
            switch (Key(property))
            {
                case "dst": destination = String(property.Value, "dst"); break;
                case "gw": gateway = String(property.Value, "gw"); break;
            }
        }

        return new CniRoute { Destination = Required(destination, "routes[].dst"), Gateway = gateway };
    }

    private static CniDns Dns(JsonElement value)
    {
        var dns = new CniDns();
        foreach (var property in Object(value, "dns"))
        {
            var item = property.Value;
            dns = Key(property) switch
            {
                "nameservers" => dns with { Nameservers = List(item, "dns.nameservers", v => Required(String(v, "dns.nameservers[]"), "dns.nameservers[]")) },
                "domain" => dns with { Domain = String(item, "dns.domain") },
                "search" => dns with { Search = List(item, "dns.search", v => Required(String(v, "dns.search[]"), "dns.search[]")) },
                "options" => dns with { Options = List(item, "dns.options", v => Required(String(v, "dns.options[]"), "dns.options[]")) },
                _ => dns,
            };
        }

        return dns;
    }

    private static GcAttachment Attachment(JsonElement value)
    {
        var attachment = new GcAttachment();
        foreach (var property in Object(value, "attachments[]"))
        {
            attachment = Key(property) switch
            {
                "containerid" => attachment with { ContainerId = String(property.Value, "containerID") },
                "ifname" => attachment with { IfName = String(property.Value, "ifname") },
                _ => attachment,
            };
        }

        return attachment;
    }

    private static RuntimeConfigDocument? RuntimeConfig(JsonElement value)
    {
        if (IsNull(value))
        {
            return null;
        }

        IReadOnlyDictionary<string, string>? annotations = null;
        foreach (var property in Object(value, "runtimeConfig"))
        {
            if (Key(property) == "io.kubernetes.cri.pod-annotations")
            {
                annotations = IsNull(property.Value) ? null : Object(property.Value, "io.kubernetes.cri.pod-annotations")
                    .Aggregate(new Dictionary<string, string>(StringComparer.Ordinal), (map, a) =>
                    {
                        map[a.Name] = Required(String(a.Value, "pod annotation " + a.Name), "pod annotation " + a.Name);
                        return map;
                    });
            }
        }

        return new RuntimeConfigDocument { PodAnnotations = annotations };
    }

    /// <summary><c>mtu</c> as text: upstream's conflist template writes it as a string (<c>"9001"</c>), other renderers as a number.</summary>
    private static string? Mtu(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : throw new JsonException("mtu must be a whole number."),
        JsonValueKind.Null => null,
        _ => throw new JsonException("mtu must be a number or a string."),
    };

    private static string Key(JsonProperty property) => property.Name.ToLowerInvariant();

    private static bool IsNull(JsonElement value) => value.ValueKind == JsonValueKind.Null;

    private static JsonElement.ObjectEnumerator Object(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.Object ? value.EnumerateObject() : throw new JsonException($"{what} must be a JSON object, not {value.ValueKind}.");

    private static string? String(JsonElement value, string what) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => throw new JsonException($"{what} must be a string, not {value.ValueKind}."),
    };

    private static int? Int(JsonElement value, string what) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var n) => n,
        JsonValueKind.Null => null,
        _ => throw new JsonException($"{what} must be a whole number."),
    };

    private static List<T>? List<T>(JsonElement value, string what, Func<JsonElement, T> item) => value.ValueKind switch
    {
        JsonValueKind.Array => [.. value.EnumerateArray().Select(item)],
        JsonValueKind.Null => null,
        _ => throw new JsonException($"{what} must be a JSON array, not {value.ValueKind}."),
    };

    private static string Required(string? value, string what) => value ?? throw new JsonException($"{what} is required.");
}
