using System.Buffers;
using System.Text;
using System.Text.Json;

namespace VpcCni.Plugin.Cni;

/// <summary>
/// Writes what the plugin prints on stdout with <see cref="Utf8JsonWriter"/>: the fields in the
/// records' declaration order under their <c>[JsonPropertyName]</c> names, nulls left out, strings
/// escaped as the serializer escapes them. <see cref="CniJsonReader"/> says why not the serializer.
/// </summary>
public static class CniJsonWriter
{
    /// <summary>The ADD result, in the version <see cref="CniResult.CniVersion"/> names (the builder shaped it).</summary>
    public static string Write(CniResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Json(w =>
        {
            w.WriteStartObject();
            Optional(w, "cniVersion", result.CniVersion);
            Array(w, "interfaces", result.Interfaces, i =>
            {
                w.WriteStartObject();
                w.WriteString("name", i.Name);
                Optional(w, "mac", i.Mac);
                Optional(w, "mtu", i.Mtu);
                Optional(w, "sandbox", i.Sandbox);
                Optional(w, "socketPath", i.SocketPath);
                Optional(w, "pciID", i.PciId);
                w.WriteEndObject();
            });
            Array(w, "ips", result.Ips, ip =>
            {
                w.WriteStartObject();
                Optional(w, "version", ip.Version);
                w.WriteString("address", ip.Address);
                Optional(w, "gateway", ip.Gateway);
                Optional(w, "interface", ip.Interface);
                w.WriteEndObject();
            });
            Array(w, "routes", result.Routes, r =>
            {
                w.WriteStartObject();
                w.WriteString("dst", r.Destination);
                Optional(w, "gw", r.Gateway);
                w.WriteEndObject();
            });
            if (result.Dns is { } dns)
            {
                w.WriteStartObject("dns");
                Array(w, "nameservers", dns.Nameservers, w.WriteStringValue);
                Optional(w, "domain", dns.Domain);
                Array(w, "search", dns.Search, w.WriteStringValue);
                Array(w, "options", dns.Options, w.WriteStringValue);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
    }

    /// <summary>The error JSON (CNI spec, "Error").</summary>
    public static string Write(CniError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("cniVersion", error.CniVersion);
            w.WriteNumber("code", error.Code);
            w.WriteString("msg", error.Msg);
            Optional(w, "details", error.Details);
            w.WriteEndObject();
        });
    }

    /// <summary>VERSION's answer (CNI spec, "VERSION").</summary>
    public static string Write(CniVersionInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("cniVersion", info.CniVersion);
            Array(w, "supportedVersions", info.SupportedVersions, w.WriteStringValue);
            w.WriteEndObject();
        });
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Optional(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
    }

    private static void Array<T>(Utf8JsonWriter w, string name, IReadOnlyList<T>? items, Action<T> write)
    {
        if (items is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var item in items)
        {
            write(item);
        }

        w.WriteEndArray();
    }
}
