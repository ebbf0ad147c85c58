using System.Net.NetworkInformation;
using Microsoft.Win32.SafeHandles;
using VpcCni.Engine.Linux.Netlink;

namespace VpcCni.Engine.Linux;

/// <summary>
/// <see cref="INetlink"/> over an <c>AF_NETLINK</c> socket with our own message codec. The socket is
/// bound to the namespace of the thread that opens it; use <see cref="OpenIn"/> to open one inside
/// another namespace (through <see cref="INetNs.Run{T}"/>) and then call it from any thread.
/// Calls are serialised on the socket.
/// </summary>
public sealed partial class RtNetlink : INetlink
{
    private readonly NetlinkConnection _connection;

    internal RtNetlink(NetlinkConnection connection) => _connection = connection;

    /// <summary>Opens a socket in the calling thread's network namespace.</summary>
    public static RtNetlink Open() => new(new NetlinkConnection(new NetlinkSocketTransport()));

    /// <summary>Opens a socket in the namespace at <paramref name="namespacePath"/> (e.g. <c>/run/netns/x</c>).</summary>
    public static RtNetlink OpenIn(INetNs netNs, string namespacePath)
    {
        ArgumentNullException.ThrowIfNull(netNs);
        return netNs.Run(namespacePath, Open);
    }

    public IReadOnlyList<LinkInfo> ListLinks() =>
        [.. _connection.Dump(LinkCodec.Dump, "list links").Select(LinkCodec.Decode).OfType<LinkInfo>()];

    public LinkInfo? FindLinkByName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return FindOne(() => LinkCodec.GetByName(name), $"get link {name}");
    }

    public LinkInfo? FindLinkByIndex(int index) => FindOne(() => LinkCodec.GetByIndex(index), $"get link #{index}");

    public LinkInfo? FindLinkByMac(PhysicalAddress mac)
    {
        ArgumentNullException.ThrowIfNull(mac);
        return ListLinks().FirstOrDefault(l => mac.Equals(l.Mac));
    }

    public void CreateVeth(string name, string peerName, int mtu, PhysicalAddress? peerMac, SafeFileHandle? peerNamespace)
    {
        ValidateName(name);
        ValidateName(peerName);
        _connection.Execute(
            LinkCodec.CreateVeth(name, peerName, mtu, peerMac, peerNamespace is null ? null : LinkCodec.HandleValue(peerNamespace)),
            $"create veth {name} (peer {peerName})");
    }

    public void CreateVlan(string name, int parentIndex, int vlanId, PhysicalAddress? mac, int mtu)
    {
        ValidateName(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(vlanId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vlanId, 4094);
        _connection.Execute(LinkCodec.CreateVlan(name, parentIndex, vlanId, mac, mtu), $"create vlan {name} (id {vlanId} on #{parentIndex})");
    }

    public void CreateDummy(string name, PhysicalAddress? mac)
    {
        ValidateName(name);
        _connection.Execute(LinkCodec.CreateDummy(name, mac), $"create dummy {name}");
    }

    public void SetMtu(int index, int mtu)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mtu, 68);
        _connection.Execute(LinkCodec.Change(index).AttrU32(Rtnl.IflaMtu, checked((uint)mtu)), $"set mtu {mtu} on #{index}");
    }

    public void SetUp(int index) => _connection.Execute(LinkCodec.Change(index, Rtnl.IffUp, Rtnl.IffUp), $"set link #{index} up");

    public void SetDown(int index) => _connection.Execute(LinkCodec.Change(index, 0, Rtnl.IffUp), $"set link #{index} down");

    public void SetMac(int index, PhysicalAddress mac)
    {
        ArgumentNullException.ThrowIfNull(mac);
        _connection.Execute(LinkCodec.Change(index).Attr(Rtnl.IflaAddress, mac.GetAddressBytes()), $"set address {mac} on #{index}");
    }

    public void Rename(int index, string newName)
    {
        ValidateName(newName);
        _connection.Execute(LinkCodec.Change(index).AttrString(Rtnl.IflaIfname, newName), $"rename #{index} to {newName}");
    }

    public void MoveToNamespace(int index, SafeFileHandle targetNamespace)
    {
        ArgumentNullException.ThrowIfNull(targetNamespace);
        _connection.Execute(
            LinkCodec.Change(index).AttrU32(Rtnl.IflaNetNsFd, checked((uint)LinkCodec.HandleValue(targetNamespace))),
            $"move #{index} to another namespace");
    }

    public void DeleteLink(int index) => _connection.Execute(LinkCodec.Delete(index), $"delete link #{index}");

    public void Dispose() => _connection.Dispose();

    /// <summary>Interface names are 1–15 bytes without '/' or whitespace (IFNAMSIZ, dev_valid_name in net/core/dev.c).</summary>
    internal static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > 15 || name is "." or ".." || name.Any(c => c == '/' || c == ':' || char.IsWhiteSpace(c) || c > 127))
        {
            throw new ArgumentException($"Interface name '{name}' is invalid: 1–15 ASCII characters, no '/', ':' or whitespace.", nameof(name));
        }
    }

    private LinkInfo? FindOne(Func<NetlinkMessageWriter> request, string operation)
    {
        try
        {
            return _connection.Dump(request, operation).Select(LinkCodec.Decode).OfType<LinkInfo>().FirstOrDefault();
        }
        catch (NetlinkNotFoundException)
        {
            return null;
        }
    }
}
