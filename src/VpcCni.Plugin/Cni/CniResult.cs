using System.Text.Json.Serialization;

namespace VpcCni.Plugin.Cni;

/// <summary>
/// The ADD result (CNI spec, "Success"), and the <c>prevResult</c> DEL and CHECK get back. The
/// plugin writes it in the configuration's version; it reads prevResults in any of them, including
/// those upstream's plugin wrote before a node moved to this one.
/// </summary>
public sealed record CniResult
{
    [JsonPropertyName("cniVersion")]
    public string? CniVersion { get; init; }

    [JsonPropertyName("interfaces")]
    public IReadOnlyList<CniInterface>? Interfaces { get; init; }

    [JsonPropertyName("ips")]
    public IReadOnlyList<CniIpConfig>? Ips { get; init; }

    [JsonPropertyName("routes")]
    public IReadOnlyList<CniRoute>? Routes { get; init; }

    [JsonPropertyName("dns")]
    public CniDns? Dns { get; init; }

    /// <summary>The index of the interface called <paramref name="name"/>, or -1.</summary>
    public int IndexOfInterface(string name) =>
        Interfaces is null ? -1 : Interfaces.Select((i, n) => (i, n)).FirstOrDefault(x => x.i.Name == name, (null!, -1)).Item2;

    /// <summary>The addresses whose <c>interface</c> is <paramref name="index"/>.</summary>
    public IEnumerable<CniIpConfig> IpsOf(int index) => (Ips ?? []).Where(ip => ip.Interface == index);
}
