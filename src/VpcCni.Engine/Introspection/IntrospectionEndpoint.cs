using System.Globalization;
using System.Net;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Introspection;

/// <summary>
/// Where a node service answers HTTP: a TCP address or a Unix socket. Accepts the forms the service
/// binds to (docs/service.md, "Introspection": <c>INTROSPECTION_BIND_ADDRESS</c>, <c>Metrics:BindAddress</c>)
/// as well as a URL: <c>http://127.0.0.1:61679</c>, <c>127.0.0.1:61679</c>, <c>localhost:61679</c>,
/// <c>[::1]:61679</c>, <c>:61679</c> (loopback) and <c>unix:/absolute/path</c>.
/// </summary>
public sealed record IntrospectionEndpoint
{
    /// <summary>Upstream's introspection address (<c>pkg/ipamd/introspect.go</c>, <c>defaultIntrospectionBindAddress</c>).</summary>
    public const string DefaultIntrospection = "http://127.0.0.1:61679";

    /// <summary>Upstream's metrics port, on loopback (the service listens on every interface).</summary>
    public const string DefaultMetrics = "http://127.0.0.1:61678";

    private const string UnixScheme = "unix:";

    private IntrospectionEndpoint(Uri baseAddress, string? socketPath)
    {
        BaseAddress = baseAddress;
        SocketPath = socketPath;
    }

    /// <summary>The base URL requests are made against; for a Unix socket a placeholder host.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The Unix socket every connection goes to, or null for TCP.</summary>
    public string? SocketPath { get; }

    /// <summary>Parses one of the accepted forms.</summary>
    /// <exception cref="VpcCniException"><see cref="ErrorIds.Introspection.InvalidEndpoint"/> for anything else.</exception>
    public static IntrospectionEndpoint Parse(string endpoint)
    {
        var text = endpoint?.Trim() ?? string.Empty;
        if (text.StartsWith(UnixScheme, StringComparison.OrdinalIgnoreCase))
        {
            var path = text[UnixScheme.Length..];
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            return Path.IsPathFullyQualified(path)
                ? new IntrospectionEndpoint(new Uri("http://localhost/"), path)
                : throw Invalid(text, "a Unix socket needs an absolute path");
        }

        if (text.StartsWith(':'))
        {
            text = "127.0.0.1" + text;
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            throw Invalid(endpoint ?? string.Empty, "expected http://host:port, host:port, :port or unix:/absolute/path");
        }

        // A bind address of every interface (0.0.0.0, [::]) is reached on loopback from this machine.
        var host = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            ? (address.Equals(IPAddress.Any) ? "127.0.0.1" : "[::1]")
            : uri.Host;
        var builder = new UriBuilder(uri) { Host = host.Trim('[', ']'), Path = "/", Query = string.Empty, Fragment = string.Empty };
        return new IntrospectionEndpoint(builder.Uri, null);
    }

    public override string ToString() => SocketPath is null
        ? BaseAddress.GetLeftPart(UriPartial.Authority)
        : string.Create(CultureInfo.InvariantCulture, $"{UnixScheme}{SocketPath}");

    private static VpcCniException Invalid(string endpoint, string why) =>
        new(VpcCniErrorCategory.InvalidArgument, ErrorIds.Introspection.InvalidEndpoint, $"Endpoint '{endpoint}' is invalid: {why}.");
}
