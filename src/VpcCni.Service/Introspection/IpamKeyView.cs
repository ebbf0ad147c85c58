using System.Text.Json.Serialization;

namespace VpcCni.Service.Introspection;

/// <summary>
/// The key of an address in <c>/v1/enis</c> (upstream <c>datastore.IPAMKey</c>). As upstream does
/// since v1.23, the view carries the network name only: container id and interface are blank here
/// and appear in <c>/v1/pods</c>.
/// </summary>
public sealed record IpamKeyView(
    [property: JsonPropertyName("networkName")] string NetworkName,
    [property: JsonPropertyName("containerID")] string ContainerId,
    [property: JsonPropertyName("ifName")] string IfName);
