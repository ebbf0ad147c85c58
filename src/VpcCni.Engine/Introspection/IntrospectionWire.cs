using System.Text.Json.Serialization;

namespace VpcCni.Engine.Introspection;

/// <summary>
/// The JSON the node service's introspection paths write (docs/service.md, "Introspection"), which
/// are upstream's shapes (upstream <c>pkg/ipamd/introspect.go</c>; <c>pkg/ipamd/datastore/data_store.go</c>
/// <c>ENIInfos</c>, <c>ENI</c>, <c>CidrInfo</c>, <c>AddressInfo</c>). Only what the client reads is
/// declared; unknown fields are ignored, so newer servers still parse.
/// </summary>
internal static class IntrospectionWire
{
    internal sealed class EniInfos
    {
        public int TotalIPs { get; set; }

        public int AssignedIPs { get; set; }

        public Dictionary<string, Eni>? ENIs { get; set; }
    }

    internal sealed class Eni
    {
        public string? ID { get; set; }

        public bool IsPrimary { get; set; }

        public bool IsTrunk { get; set; }

        public bool IsEFA { get; set; }

        public int DeviceNumber { get; set; }

        public Dictionary<string, Cidr>? AvailableIPv4Cidrs { get; set; }

        public bool IsExcludedForPodIPs { get; set; }

        public int RouteTableID { get; set; }

        public string? SubnetID { get; set; }
    }

    internal sealed class Cidr
    {
        public Dictionary<string, Address>? IPAddresses { get; set; }

        public bool IsPrefix { get; set; }
    }

    internal sealed class Address
    {
        [JsonPropertyName("Address")]
        public string? Value { get; set; }

        public Key? IPAMKey { get; set; }

        public Metadata? IPAMMetadata { get; set; }

        public DateTime AssignedTime { get; set; }

        public DateTime UnassignedTime { get; set; }
    }

    internal sealed class Key
    {
        [JsonPropertyName("networkName")]
        public string? NetworkName { get; set; }

        [JsonPropertyName("containerID")]
        public string? ContainerId { get; set; }

        [JsonPropertyName("ifName")]
        public string? IfName { get; set; }
    }

    internal sealed class Metadata
    {
        [JsonPropertyName("k8sPodNamespace")]
        public string? PodNamespace { get; set; }

        [JsonPropertyName("k8sPodName")]
        public string? PodName { get; set; }

        [JsonPropertyName("interfacesCount")]
        public int InterfacesCount { get; set; }
    }

    internal sealed class Pod
    {
        public string? PodNamespace { get; set; }

        public string? PodName { get; set; }

        public string? NetworkName { get; set; }

        public string? ContainerID { get; set; }

        public string? IfName { get; set; }

        public string? IPv4Addr { get; set; }

        public string? ENI { get; set; }

        public int NetworkCard { get; set; }

        public int DeviceNumber { get; set; }

        public int RouteTableID { get; set; }

        public DateTime AssignedTime { get; set; }
    }
}
