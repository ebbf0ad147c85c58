using System.Text.Json.Serialization;

namespace VpcCni.Service.Introspection;

/// <summary>An ENIConfig's spec as upstream encodes <c>v1alpha1.ENIConfigSpec</c>: security groups and subnet.</summary>
public sealed record EniConfigSpecView(
    [property: JsonPropertyName("securityGroups")] IReadOnlyList<string> SecurityGroups,
    [property: JsonPropertyName("subnet")] string Subnet);
