using System.Net;
using VpcCni.Engine.Ipam;

namespace VpcCni.Service.Introspection;

/// <summary>Builds the introspection views from a datastore's published snapshot (no lock taken).</summary>
public static class IntrospectionViews
{
    /// <summary>Go's zero <c>time.Time</c>, which upstream writes for a time that never happened.</summary>
    public static DateTime GoZeroTime { get; } = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);

    /// <summary><c>/v1/enis</c>: the pool of each network card, keyed by its index.</summary>
    public static SortedDictionary<string, EniInfosView> Enis(IEnumerable<DatastoreSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var cards = new SortedDictionary<string, EniInfosView>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            var stats = snapshot.Stats;
            var enis = new SortedDictionary<string, EniView>(StringComparer.Ordinal);
            foreach (var eni in snapshot.Enis)
            {
                enis[eni.Descriptor.Id] = ToView(eni);
            }

            cards[snapshot.NetworkCard.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                new EniInfosView(stats.TotalIps, stats.AssignedIps, enis);
        }

        return cards;
    }

    /// <summary><c>/v1/pods</c>: every assigned address with its pod and ENI, ordered by namespace, pod and interface.</summary>
    public static IReadOnlyList<PodView> Pods(IEnumerable<DatastoreSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return snapshots
            .SelectMany(s => s.Enis.SelectMany(e => e.Cidrs.SelectMany(c => c.Addresses.Where(a => a.IsAssigned).Select(a => (s.NetworkCard, Eni: e, Address: a)))))
            .Select(p => new PodView
            {
                PodNamespace = p.Address.Metadata.PodNamespace,
                PodName = p.Address.Metadata.PodName,
                NetworkName = p.Address.Key.NetworkName,
                ContainerID = p.Address.Key.ContainerId,
                IfName = p.Address.Key.InterfaceName,
                IPv4Addr = p.Address.Address.ToString(),
                ENI = p.Eni.Descriptor.Id,
                NetworkCard = p.NetworkCard,
                DeviceNumber = p.Eni.Descriptor.DeviceNumber,
                RouteTableID = p.Eni.Descriptor.RouteTableId,
                AssignedTime = ToGoTime(p.Address.AssignedAt),
            })
            .OrderBy(p => p.PodNamespace, StringComparer.Ordinal)
            .ThenBy(p => p.PodName, StringComparer.Ordinal)
            .ThenBy(p => p.ContainerID, StringComparer.Ordinal)
            .ThenBy(p => p.IfName, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>A network as Go's encoding/json writes <c>net.IPNet</c>.</summary>
    public static IpNetView ToView(IPNetwork network)
    {
        var bits = network.BaseAddress.GetAddressBytes().Length * 8;
        var mask = new byte[bits / 8];
        for (var i = 0; i < network.PrefixLength; i++)
        {
            mask[i / 8] |= (byte)(0x80 >> (i % 8));
        }

        return new IpNetView(network.BaseAddress.ToString(), Convert.ToBase64String(mask));
    }

    private static EniView ToView(EniSnapshot eni)
    {
        var cidrs = new SortedDictionary<string, CidrInfoView>(StringComparer.Ordinal);
        foreach (var cidr in eni.Cidrs)
        {
            var addresses = new SortedDictionary<string, AddressInfoView>(StringComparer.Ordinal);
            foreach (var address in cidr.Addresses)
            {
                addresses[address.Address.ToString()] = new AddressInfoView(
                    address.Address.ToString(),
                    new IpamKeyView(address.Key.NetworkName ?? string.Empty, string.Empty, string.Empty),
                    new IpamMetadataView(NullIfEmpty(address.Metadata.PodNamespace), NullIfEmpty(address.Metadata.PodName), address.Metadata.InterfacesCount),
                    ToGoTime(address.AssignedAt),
                    ToGoTime(address.UnassignedAt));
            }

            cidrs[cidr.Network.ToString()] = new CidrInfoView(ToView(cidr.Network), addresses, cidr.IsPrefix, "4");
        }

        var descriptor = eni.Descriptor;
        return new EniView
        {
            ID = descriptor.Id,
            IsPrimary = descriptor.IsPrimary,
            IsTrunk = descriptor.IsTrunk,
            IsEFA = descriptor.IsEfa,
            DeviceNumber = descriptor.DeviceNumber,
            AvailableIPv4Cidrs = cidrs,
            IPv6Cidrs = new SortedDictionary<string, CidrInfoView>(StringComparer.Ordinal),
            IsExcludedForPodIPs = descriptor.IsExcludedForPodIps,
            RouteTableID = descriptor.RouteTableId,
            SubnetID = descriptor.SubnetId,
        };
    }

    private static DateTime ToGoTime(DateTimeOffset? at) => at is { } value ? value.UtcDateTime : GoZeroTime;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
