using System.Text.Json;

namespace VpcCni.Service.Tests.Support;

/// <summary>
/// The introspection views of a service process (docs/service.md, "Introspection") read over a Unix
/// socket in the test's directory, so that parallel processes never compete for a port. Each start
/// gets a socket of its own: a process killed with SIGKILL leaves its socket file behind.
/// </summary>
public sealed class NodeIntrospection : IDisposable
{
    private readonly HttpClient _http;

    private NodeIntrospection(string socketPath)
    {
        SocketPath = socketPath;
        _http = UnixSocketHttp.Create(socketPath);
    }

    public string SocketPath { get; }

    /// <summary>A new socket path in <paramref name="directory"/> and the variables that bind introspection there.</summary>
    public static (NodeIntrospection View, Dictionary<string, string> Environment) In(TempDirectory directory, string name)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var path = System.IO.Path.Combine(directory.Path, name + ".sock");
        return (new NodeIntrospection(path), new Dictionary<string, string>
        {
            ["DISABLE_INTROSPECTION"] = "false",
            ["INTROSPECTION_BIND_ADDRESS"] = "unix:" + path,
        });
    }

    /// <summary><c>/v1/pods</c>: container id → the pod's IPv4 address.</summary>
    public async Task<Dictionary<string, string>> PodsAsync(CancellationToken cancellationToken) =>
        (await PodAddressViews.FromIntrospectionAsync(_http, cancellationToken)).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    /// <summary><c>/v1/enis</c> of card 0: ENI id → its CIDRs (<c>10.0.1.10/32</c>, <c>10.0.2.0/28</c>).</summary>
    public async Task<Dictionary<string, HashSet<string>>> EnisAsync(CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/v1/enis", UriKind.Relative), cancellationToken));
        var enis = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var eni in document.RootElement.GetProperty("0").GetProperty("ENIs").EnumerateObject())
        {
            enis.Add(eni.Name, [.. eni.Value.GetProperty("AvailableIPv4Cidrs").EnumerateObject().Select(c => c.Name)]);
        }

        return enis;
    }

    public void Dispose() => _http.Dispose();
}
