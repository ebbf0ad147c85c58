using System.Text.Json.Serialization;

namespace VpcCni.Plugin.Cni;

/// <summary>
/// One entry of a result's <c>interfaces</c> (CNI spec, "Success"). <see cref="PciId"/> and
/// <see cref="SocketPath"/> are 1.1 fields; upstream's plugin stores the route table and the interface
/// count in them (upstream <c>cmd/routed-eni-cni-plugin/cni.go</c> <c>add</c>), and so does this one.
/// </summary>
public sealed record CniInterface
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("mac")]
    public string? Mac { get; init; }

    [JsonPropertyName("mtu")]
    public int? Mtu { get; init; }

    [JsonPropertyName("sandbox")]
    public string? Sandbox { get; init; }

    [JsonPropertyName("socketPath")]
    public string? SocketPath { get; init; }

    [JsonPropertyName("pciID")]
    public string? PciId { get; init; }
}
