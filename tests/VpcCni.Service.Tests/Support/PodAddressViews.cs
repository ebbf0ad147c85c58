using System.Net;
using System.Text.Json;

namespace VpcCni.Service.Tests.Support;

/// <summary>
/// Which address each pod holds, keyed by container id, as two outside readers see it: the checkpoint file read
/// with upstream's field names (docs/ipam.md "The checkpoint"), and the introspection view <c>/v1/pods</c>.
/// </summary>
public static class PodAddressViews
{
    public static async Task<Dictionary<string, IPAddress>> FromCheckpointAsync(string path, CancellationToken cancellationToken = default)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        Assert.Equal("vpc-cni-ipam/1", document.RootElement.GetProperty("version").GetString());
        return document.RootElement.GetProperty("allocations").EnumerateArray().ToDictionary(
            a => a.GetProperty("containerID").GetString()!,
            a => IPAddress.Parse(a.GetProperty("ipv4").GetString()!),
            StringComparer.Ordinal);
    }

    public static async Task<Dictionary<string, IPAddress>> FromIntrospectionAsync(HttpClient introspection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(introspection);
        using var document = JsonDocument.Parse(await introspection.GetStringAsync(new Uri("http://localhost/v1/pods"), cancellationToken));
        return document.RootElement.EnumerateArray().ToDictionary(
            p => p.GetProperty("ContainerID").GetString()!,
            p => IPAddress.Parse(p.GetProperty("IPv4Addr").GetString()!),
            StringComparer.Ordinal);
    }
}
