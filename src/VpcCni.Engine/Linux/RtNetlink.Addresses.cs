using System.Net;
using System.Net.Sockets;
using VpcCni.Engine.Linux.Netlink;

namespace VpcCni.Engine.Linux;

/// <summary>Address operations of <see cref="RtNetlink"/>.</summary>
public sealed partial class RtNetlink
{
    public IReadOnlyList<AddressEntry> ListAddresses(int? linkIndex = null, AddressFamily? family = null) =>
        [.. _connection.Dump(() => AddressCodec.Dump(family), "list addresses")
            .Select(AddressCodec.Decode)
            .OfType<AddressEntry>()
            .Where(a => linkIndex is null || a.LinkIndex == linkIndex)
            .Where(a => family is null || a.Address.AddressFamily == family)];

    public void AddAddress(int linkIndex, IPAddress address, int prefixLength, RouteScope scope = RouteScope.Universe)
    {
        ArgumentNullException.ThrowIfNull(address);
        _connection.Execute(AddressCodec.Add(linkIndex, address, prefixLength, scope), $"add address {address}/{prefixLength} on #{linkIndex}");
    }

    public void DeleteAddress(int linkIndex, IPAddress address, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        _connection.Execute(AddressCodec.Delete(linkIndex, address, prefixLength), $"delete address {address}/{prefixLength} on #{linkIndex}");
    }

    public void ReplaceGlobalAddresses(int linkIndex, IPAddress address, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        var present = false;
        foreach (var existing in ListAddresses(linkIndex, address.AddressFamily).Where(a => a.Scope == RouteScope.Universe))
        {
            if (existing.Address.Equals(address) && existing.PrefixLength == prefixLength)
            {
                present = true;
                continue;
            }

            try
            {
                DeleteAddress(linkIndex, existing.Address, existing.PrefixLength);
            }
            catch (NetlinkNotFoundException)
            {
                // Removed concurrently: the goal state is reached anyway.
            }
        }

        if (!present)
        {
            AddAddress(linkIndex, address, prefixLength);
        }
    }
}
