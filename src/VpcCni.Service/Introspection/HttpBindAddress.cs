using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

using VpcCni.Service.Hosting;

namespace VpcCni.Service.Introspection;

/// <summary>
/// Where an HTTP listener binds, in the form upstream's <c>INTROSPECTION_BIND_ADDRESS</c> takes
/// (upstream <c>pkg/ipamd/introspect.go</c>, <c>ServeIntrospection</c>): <c>host:port</c>,
/// <c>[v6]:port</c>, <c>:port</c> for every interface, or <c>unix:/path</c>. The host is an IP
/// literal or <c>localhost</c> (127.0.0.1); the port is 1 to 65535.
/// </summary>
public sealed record HttpBindAddress
{
    private HttpBindAddress(IPAddress? address, int port, string? unixPath)
    {
        Address = address;
        Port = port;
        UnixPath = unixPath;
    }

    /// <summary>The IP to bind; null with a port means every interface, null with <see cref="UnixPath"/> a Unix socket.</summary>
    public IPAddress? Address { get; }

    public int Port { get; }

    /// <summary>The socket path of a <c>unix:</c> address, else null.</summary>
    public string? UnixPath { get; }

    /// <summary>Only processes on this host can connect: a loopback address or a Unix socket.</summary>
    public bool IsLocalOnly => UnixPath is not null || (Address is not null && IPAddress.IsLoopback(Address));

    /// <summary>Parses <paramref name="text"/>; <paramref name="allowUnix"/> admits the <c>unix:</c> form.</summary>
    public static bool TryParse(string? text, bool allowUnix, out HttpBindAddress? result)
    {
        result = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = text[5..];
            if (!allowUnix || !Path.IsPathFullyQualified(path))
            {
                return false;
            }

            result = new HttpBindAddress(null, 0, path);
            return true;
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        var host = text[..colon];
        IPAddress? address;
        if (host.Length == 0)
        {
            address = null;
        }
        else if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else if (host.StartsWith('[') && host.EndsWith(']') && IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6)
        {
            address = v6;
        }
        else if (IPAddress.TryParse(host, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork)
        {
            address = v4;
        }
        else
        {
            return false;
        }

        result = new HttpBindAddress(address, port, null);
        return true;
    }

    /// <summary>
    /// Adds the Kestrel listener for this address. Its connections carry this address as a feature,
    /// which is how <see cref="Matches"/> tells listeners apart (Kestrel reports no local endpoint
    /// for a connection accepted on a Unix socket).
    /// </summary>
    public void Listen(KestrelServerOptions kestrel, Action<ListenOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(configure);
        var inner = configure;
        configure = listen =>
        {
            inner(listen);
            listen.Use(next => connection =>
            {
                connection.Features.Set(this);
                return next(connection);
            });
        };
        if (UnixPath is not null)
        {
            // Left behind by a killed service; one that still serves it makes the bind fail instead.
            UnixSocketFile.RemoveIfStale(UnixPath);
            kestrel.ListenUnixSocket(UnixPath, configure);
        }
        else if (Address is null)
        {
            kestrel.ListenAnyIP(Port, configure);
        }
        else
        {
            kestrel.Listen(Address, Port, configure);
        }
    }

    /// <summary>True when the request arrived on the listener <see cref="Listen"/> added for this address.</summary>
    public bool Matches(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Equals(context.Features.Get<HttpBindAddress>());
    }

    public override string ToString() => UnixPath is not null
        ? "unix:" + UnixPath
        : Address switch
        {
            null => string.Create(CultureInfo.InvariantCulture, $":{Port}"),
            { AddressFamily: AddressFamily.InterNetworkV6 } => string.Create(CultureInfo.InvariantCulture, $"[{Address}]:{Port}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{Address}:{Port}"),
        };
}
