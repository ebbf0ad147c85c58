using System.Net;
using System.Net.Sockets;

namespace VpcCni.Service.Tests.Support;

/// <summary>Free loopback ports for the introspection and metrics listeners, and the settings that put them there.</summary>
public sealed record HttpListeners(int IntrospectionPort, int MetricsPort)
{
    /// <summary>Two distinct ports the system has just handed out for loopback.</summary>
    public static HttpListeners Allocate()
    {
        using var first = new TcpListener(IPAddress.Loopback, 0);
        using var second = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        second.Start();
        var ports = new HttpListeners(((IPEndPoint)first.LocalEndpoint).Port, ((IPEndPoint)second.LocalEndpoint).Port);
        first.Stop();
        second.Stop();
        return ports;
    }

    public Uri Introspection(string path) => new($"http://127.0.0.1:{IntrospectionPort}{path}");

    public Uri Metrics => new($"http://127.0.0.1:{MetricsPort}/metrics");

    /// <summary>Both listeners on, on these ports; <paramref name="extra"/> is added (and wins).</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DISABLE_INTROSPECTION"] = "false",
            ["INTROSPECTION_BIND_ADDRESS"] = $"127.0.0.1:{IntrospectionPort}",
            ["DISABLE_METRICS"] = "false",
            ["Metrics:BindAddress"] = $"127.0.0.1:{MetricsPort}",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
