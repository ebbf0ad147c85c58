using System.Net;
using System.Net.NetworkInformation;
using System.Text.Json;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.SecurityGroups;

/// <summary>
/// Reads the <c>vpc.amazonaws.com/pod-eni</c> annotation the VPC resource controller writes on a pod
/// it gave a branch ENI: a JSON array of objects with <c>eniId</c>, <c>ifAddress</c>,
/// <c>privateIp</c>, <c>ipv6Addr</c>, <c>vlanId</c>, <c>subnetCidr</c>, <c>subnetV6Cidr</c> (and
/// fields this reader ignores, such as <c>associationID</c>). Keys match without regard to case, as
/// Go's <c>encoding/json</c> matches them for upstream's <c>PodENIData</c> (its tag is <c>vlanID</c>).
/// </summary>
public static class PodEniAnnotation
{
    /// <summary>The annotation key.</summary>
    public const string Key = "vpc.amazonaws.com/pod-eni";

    /// <summary>The entries of <paramref name="json"/>; <see cref="ErrorIds.SecurityGroupPolicy.InvalidPodEniAnnotation"/> when it is not such an array or is empty.</summary>
    public static IReadOnlyList<PodEni> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() == 0)
            {
                throw Invalid(json, "is not a non-empty JSON array");
            }

            return document.RootElement.EnumerateArray().Select(e => Read(e, json)).ToList();
        }
        catch (JsonException e)
        {
            throw Invalid(json, $"is not JSON: {e.Message}", e);
        }
    }

    private static PodEni Read(JsonElement entry, string json)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(json, "holds an entry that is not an object");
        }

        var fields = entry.EnumerateObject().GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);
        string? Text(string name) => fields.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

        var eniId = Text("eniId") ?? throw Invalid(json, "has an entry without eniId");
        var mac = Text("ifAddress") is { } m && PhysicalAddress.TryParse(m, out var parsed) && parsed.GetAddressBytes().Length == 6
            ? parsed
            : throw Invalid(json, $"has no MAC address (ifAddress) for {eniId}");
        var vlan = fields.TryGetValue("vlanId", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var id) && id is > 0 and < 4095
            ? id
            : throw Invalid(json, $"has no VLAN id between 1 and 4094 (vlanId) for {eniId}");
        return new PodEni(eniId, mac, Address(Text("privateIp"), json), Address(Text("ipv6Addr"), json), vlan,
            Network(Text("subnetCidr"), json), Network(Text("subnetV6Cidr"), json));
    }

    private static IPAddress? Address(string? text, string json) =>
        text is null ? null : IPAddress.TryParse(text, out var address) ? address : throw Invalid(json, $"has '{text}' where an IP address belongs");

    private static IPNetwork? Network(string? text, string json) =>
        text is null ? null : IPNetwork.TryParse(text, out var network) ? network : throw Invalid(json, $"has '{text}' where a CIDR belongs");

    private static VpcCniException Invalid(string json, string problem, Exception? inner = null) =>
        new(VpcCniErrorCategory.InvalidArgument, ErrorIds.SecurityGroupPolicy.InvalidPodEniAnnotation,
            $"The pod's {Key} annotation {problem}: {json}", inner);
}
