using System.Text.Json.Serialization;

namespace VpcCni.Service.Introspection;

/// <summary>The pod behind an address in <c>/v1/enis</c> (upstream <c>datastore.IPAMMetadata</c>; empty fields are left out, as there).</summary>
public sealed record IpamMetadataView(
    [property: JsonPropertyName("k8sPodNamespace"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] string? PodNamespace,
    [property: JsonPropertyName("k8sPodName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] string? PodName,
    [property: JsonPropertyName("interfacesCount"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int InterfacesCount);
