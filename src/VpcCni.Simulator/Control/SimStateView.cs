using System.Text.Json.Nodes;
using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Control;

/// <summary>
/// The JSON shape of <c>GET /_sim/state</c>, built as a <see cref="JsonObject"/> so that writing it
/// needs no reflection over anonymous types (the .NET docs, "Native AOT deployment"); names are
/// camel case, tags keep their keys as EC2 has them.
/// </summary>
internal static class SimStateView
{
    public static JsonObject Of(SimWorld w) => new()
    {
        ["region"] = w.Region,
        ["accountId"] = w.AccountId,
        ["vpcs"] = Array(w.Vpcs.Values, v => new JsonObject
        {
            ["id"] = v.Id,
            ["cidrBlocks"] = Strings(v.CidrBlocks.Select(c => c.ToString())),
            ["ipv6CidrBlock"] = v.Ipv6CidrBlock?.ToString(),
        }),
        ["subnets"] = Array(w.Subnets, s => new JsonObject
        {
            ["id"] = s.Id,
            ["availabilityZone"] = s.AvailabilityZone,
            ["cidrBlock"] = s.CidrBlock.ToString(),
            ["ipv6CidrBlock"] = s.Ipv6CidrBlock?.ToString(),
            ["availableIpAddressCount"] = s.AvailableIpAddressCount,
            ["freePrefixBlocks"] = s.FreePrefixBlocks,
            ["tags"] = Tags(s.Tags),
        }),
        ["securityGroups"] = Array(w.SecurityGroups, g => new JsonObject { ["id"] = g.Id, ["name"] = g.Name }),
        ["instances"] = Array(w.Instances.Values, i => new JsonObject
        {
            ["id"] = i.Id,
            ["instanceType"] = i.InstanceType,
            ["availabilityZone"] = i.AvailabilityZone,
            ["subnetId"] = i.SubnetId,
            ["primaryNetworkInterfaceId"] = i.PrimaryNetworkInterfaceId,
            ["netns"] = i.NetworkNamespace,
            ["maximumNetworkInterfaces"] = i.MaximumNetworkInterfaces,
            ["ipv4AddressesPerInterface"] = i.Limits.Ipv4PerEni,
            ["imdsMacs"] = Strings(w.ImdsInterfaces(i).Select(e => e.Mac)),
        }),
        ["networkInterfaces"] = Array(w.NetworkInterfaces.Values, e => new JsonObject
        {
            ["id"] = e.Id,
            ["subnetId"] = e.SubnetId,
            ["status"] = e.Status,
            ["macAddress"] = e.MacAddress,
            ["interfaceType"] = e.InterfaceType,
            ["description"] = e.Description,
            ["primaryIp"] = e.PrimaryIp.ToString(),
            ["secondaryIps"] = Strings(e.SecondaryIps.Select(i => i.ToString())),
            ["ipv4Prefixes"] = Strings(e.Ipv4Prefixes.Select(p => p.ToString())),
            ["ipv6Addresses"] = Strings(e.Ipv6Addresses.Select(i => i.ToString())),
            ["ipv6Prefixes"] = Strings(e.Ipv6Prefixes.Select(p => p.ToString())),
            ["groupIds"] = Strings(e.GroupIds),
            ["attachment"] = e.Attachment is { } a
                ? new JsonObject
                {
                    ["id"] = a.Id,
                    ["instanceId"] = a.InstanceId,
                    ["deviceIndex"] = a.DeviceIndex,
                    ["networkCardIndex"] = a.NetworkCardIndex,
                    ["status"] = a.Status,
                    ["deleteOnTermination"] = a.DeleteOnTermination,
                }
                : null,
            ["tags"] = Tags(e.Tags),
        }),
    };

    // JsonNode? elements pick JsonArray.Add(JsonNode?); Add<T> would wrap the value by reflection.
    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonObject> view) => [.. items.Select(i => (JsonNode?)view(i))];

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)v)];

    private static JsonObject Tags(Dictionary<string, string> tags) => new(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
}
