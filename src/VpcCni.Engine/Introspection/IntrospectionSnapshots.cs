using System.Globalization;
using System.Net;
using System.Text.Json;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Networking;

namespace VpcCni.Engine.Introspection;

/// <summary>Turns the introspection JSON into the engine's own types (datastore snapshots, pod allocations, settings).</summary>
internal static class IntrospectionSnapshots
{
    /// <summary>
    /// One snapshot per card of <c>/v1/enis</c>. The mode is read from the card's <c>TotalIPs</c>,
    /// which the node counts in its current mode only (a /28 counts 16); cooldown flags are evaluated
    /// at <paramref name="now"/> with <paramref name="cooldown"/>, since the JSON carries release times, not flags.
    /// </summary>
    public static IReadOnlyList<DatastoreSnapshot> Datastores(IReadOnlyDictionary<string, IntrospectionWire.EniInfos> cards, DateTimeOffset now, TimeSpan cooldown)
    {
        var snapshots = new List<DatastoreSnapshot>();
        foreach (var (key, card) in cards)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var networkCard))
            {
                throw BadResponse($"/v1/enis has '{key}' where a network card number belongs");
            }

            var enis = (card.ENIs ?? []).Values.Select(e => Eni(e, now, cooldown)).OrderBy(e => e.Descriptor.DeviceNumber).ToArray();
            var counted = enis.Where(e => !e.Descriptor.IsExcludedForPodIps).SelectMany(e => e.Cidrs).ToArray();
            var prefixTotal = counted.Where(c => c.IsPrefix).Sum(c => c.Size);
            var secondaryTotal = counted.Where(c => !c.IsPrefix).Sum(c => c.Size);
            snapshots.Add(new DatastoreSnapshot
            {
                NetworkCard = networkCard,
                TakenAt = now,
                CooldownPeriod = cooldown,
                PrefixDelegation = prefixTotal > 0 && card.TotalIPs == prefixTotal && (secondaryTotal != prefixTotal || secondaryTotal == 0),
                Enis = enis,
            });
        }

        return snapshots.OrderBy(s => s.NetworkCard).ToArray();
    }

    public static NodePodAllocation Pod(IntrospectionWire.Pod pod) => new()
    {
        PodNamespace = pod.PodNamespace ?? string.Empty,
        PodName = pod.PodName ?? string.Empty,
        NetworkName = pod.NetworkName ?? string.Empty,
        ContainerId = pod.ContainerID ?? string.Empty,
        IfName = pod.IfName ?? string.Empty,
        Address = IPAddress.TryParse(pod.IPv4Addr, out var address) ? address : throw BadResponse($"/v1/pods has '{pod.IPv4Addr}' where an address belongs"),
        EniId = pod.ENI ?? string.Empty,
        NetworkCard = pod.NetworkCard,
        DeviceNumber = pod.DeviceNumber,
        RouteTableId = pod.RouteTableID,
        AssignedAt = Time(pod.AssignedTime),
    };

    /// <summary>A setting's JSON value as a plain .NET value: long, double, bool, string, string[] or null.</summary>
    public static object? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetInt64(out var integer) ? (object)integer : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToArray(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    public static VpcCniException BadResponse(string why, Exception? inner = null) =>
        new(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.Introspection.BadResponse, $"The node's answer is not what introspection serves: {why}.", inner);

    private static EniSnapshot Eni(IntrospectionWire.Eni eni, DateTimeOffset now, TimeSpan cooldown)
    {
        var id = eni.ID ?? throw BadResponse("an ENI in /v1/enis has no ID");
        var cidrs = new List<CidrSnapshot>();
        foreach (var (text, cidr) in eni.AvailableIPv4Cidrs ?? [])
        {
            if (!IPNetwork.TryParse(text, out var network))
            {
                throw BadResponse($"ENI {id} has '{text}' where a CIDR belongs");
            }

            var addresses = (cidr.IPAddresses ?? []).Values.Select(a => Address(a, id, now, cooldown)).OrderBy(a => AddressMath.ToUInt32(a.Address)).ToArray();
            cidrs.Add(new CidrSnapshot(network, addresses));
        }

        return new EniSnapshot
        {
            Descriptor = new EniDescriptor
            {
                Id = id,
                DeviceNumber = eni.DeviceNumber,
                IsPrimary = eni.IsPrimary,
                IsTrunk = eni.IsTrunk,
                IsEfa = eni.IsEFA,
                IsExcludedForPodIps = eni.IsExcludedForPodIPs,
                RouteTableId = eni.RouteTableID,
                SubnetId = eni.SubnetID ?? string.Empty,
            },

            // The JSON has no ENI age; a prediction treats every ENI as past its minimum lifetime (said in its notes).
            CreatedAt = DateTimeOffset.MinValue,
            Cidrs = cidrs.OrderBy(c => AddressMath.ToUInt32(c.Network.BaseAddress)).ToArray(),
        };
    }

    private static AddressSnapshot Address(IntrospectionWire.Address address, string eniId, DateTimeOffset now, TimeSpan cooldown)
    {
        if (!IPAddress.TryParse(address.Value, out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            throw BadResponse($"ENI {eniId} has '{address.Value}' where an IPv4 address belongs");
        }

        var key = address.IPAMKey is { } k ? new IpamKey(k.NetworkName ?? string.Empty, k.ContainerId ?? string.Empty, k.IfName ?? string.Empty) : default;
        var metadata = address.IPAMMetadata is { } m
            ? new IpamMetadata(m.PodNamespace ?? string.Empty, m.PodName ?? string.Empty, m.InterfacesCount)
            : IpamMetadata.None;
        var released = Time(address.UnassignedTime);
        var cooling = key.IsEmpty && released is { } at && now - at < cooldown;
        return new AddressSnapshot(ip, key, metadata, Time(address.AssignedTime), released, cooling);
    }

    /// <summary>Go's zero time (<c>0001-01-01T00:00:00Z</c>) is how upstream writes "never".</summary>
    private static DateTimeOffset? Time(DateTime value) =>
        value == DateTime.MinValue ? null : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
