using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.Netlink;

namespace VpcCni.Engine.Tests.Linux;

/// <summary>Encoder/decoder round trips and layouts for every rtnetlink object (no root needed).</summary>
public sealed class RtnlCodecTests
{
    [Fact]
    public void RuleRoundTripsWithEverySelector()
    {
        RuleEntry[] rules =
        [
            new(512, 254, Destination: IPNetwork.Parse("10.0.0.20/32")),
            new(1536, 10102, Source: IPNetwork.Parse("10.0.1.20/32")),
            new(1024, 254, Mark: 0x80, Mask: 0x80),
            new(10, 107, InputInterface: "vlan.eth.7", OutputInterface: "eth1"),
        ];
        foreach (var rule in rules)
        {
            Assert.Equal(rule, RuleCodec.Decode(AsReply(RuleCodec.Add(rule), 32)));
        }
    }

    [Fact]
    public void RuleWithALargeTableCarriesFraTableAndUnspecInTheHeader()
    {
        var message = NetlinkMessage.Split(RuleCodec.Add(new RuleEntry(1536, 10102)).Finish(1))[0];

        Assert.Equal(0, message.Payload.Span[4]);
        Assert.Equal(1, message.Payload.Span[7]); // FR_ACT_TO_TBL
        Assert.Equal((ushort)(0x1 | 0x4 | 0x400 | 0x200), message.Flags);
        Assert.Equal(10102u, NetlinkAttributes.Parse(message.Payload[12..]).U32(15));
    }

    [Fact]
    public void RouteRoundTripsAndDeleteMatchesAnyScopeAndProtocol()
    {
        var route = new RouteEntry(IPNetwork.Parse("0.0.0.0/0"), IPAddress.Parse("10.0.1.1"), 3, 2);
        var scoped = new RouteEntry(IPNetwork.Parse("169.254.1.1/32"), null, 7, 254, RouteScope.Link);

        Assert.Equal(route, RouteCodec.Decode(AsReply(RouteCodec.Add(route, replace: true), 24)));
        Assert.Equal(scoped, RouteCodec.Decode(AsReply(RouteCodec.Add(scoped, replace: false), 24)));
        var delete = NetlinkMessage.Split(RouteCodec.Delete(scoped).Finish(1))[0].Payload.Span;
        Assert.Equal((0, 255, 0), (delete[5], delete[6], delete[7]));
    }

    [Fact]
    public void AddressCarriesLocalAndTheDirectedBroadcast()
    {
        var message = NetlinkMessage.Split(AddressCodec.Add(4, IPAddress.Parse("10.0.1.10"), 24, RouteScope.Universe).Finish(1))[0];
        var attrs = NetlinkAttributes.Parse(message.Payload[8..]);

        Assert.Equal(IPAddress.Parse("10.0.1.10"), attrs.Address(2));
        Assert.Equal(IPAddress.Parse("10.0.1.255"), attrs.Address(4));
        Assert.Equal(new AddressEntry(4, IPAddress.Parse("10.0.1.10"), 24), AddressCodec.Decode(message with { Type = 20 }));
        Assert.False(NetlinkAttributes.Parse(NetlinkMessage.Split(AddressCodec.Add(4, IPAddress.Parse("10.0.0.20"), 32, RouteScope.Universe).Finish(1))[0].Payload[8..]).Has(4));
    }

    [Fact]
    public void PermanentNeighbourRoundTrips()
    {
        var entry = new NeighbourEntry(9, IPAddress.Parse("169.254.1.1"), PhysicalAddress.Parse("02-aa-bb-cc-dd-ee"));

        Assert.Equal(entry, NeighbourCodec.Decode(AsReply(NeighbourCodec.Add(entry, replace: true), 28)));
    }

    [Fact]
    public void VethPeerIsNestedWithItsOwnIfinfomsgNameMacAndNamespaceFd()
    {
        var mac = PhysicalAddress.Parse("02-00-00-00-00-01");
        var message = NetlinkMessage.Split(LinkCodec.CreateVeth("eth0", "eni5e1c4d6c68c", 9001, mac, 42).Finish(1))[0];

        var attrs = NetlinkAttributes.Parse(message.Payload[16..]);
        var info = attrs.Nested(18)!;
        var peerRaw = info.Nested(2)!.Raw(1)!.Value;
        var peer = NetlinkAttributes.Parse(peerRaw[16..]);
        Assert.Equal(("eth0", 9001u, "veth"), (attrs.String(3), attrs.U32(4)!.Value, info.String(1)));
        Assert.Equal(("eni5e1c4d6c68c", 42u, mac), (peer.String(3), peer.U32(28)!.Value, peer.Mac(1)));
    }

    [Fact]
    public void VlanLinkDecodesKindIdAndParent()
    {
        var mac = PhysicalAddress.Parse("02-00-0b-00-00-07");
        var reply = AsReply(LinkCodec.CreateVlan("vlan.eth.7", 3, 7, mac, 0), 16);

        var link = LinkCodec.Decode(reply)!;

        Assert.Equal(("vlan.eth.7", "vlan", 7, 3, mac), (link.Name, link.Kind, link.VlanId!.Value, link.ParentIndex!.Value, link.Mac!));
    }

    [Fact]
    public void LinkChangeSetsUpFlagUnderItsChangeMask()
    {
        var span = NetlinkMessage.Split(LinkCodec.Change(5, 1, 1).Finish(1))[0].Payload.Span;

        Assert.Equal((5, 1u, 1u), (BinaryPrimitives.ReadInt32LittleEndian(span[4..]), BinaryPrimitives.ReadUInt32LittleEndian(span[8..]), BinaryPrimitives.ReadUInt32LittleEndian(span[12..])));
    }

    [Fact]
    public void RandomHostMacIsLocallyAdministeredUnicast()
    {
        for (var i = 0; i < 64; i++)
        {
            var first = LinkCodec.RandomLocalMac().GetAddressBytes()[0];
            Assert.Equal(0x02, first & 0x03);
        }
    }

    [Fact]
    public void MalformedLengthIsRejected()
    {
        var bytes = ScriptedTransport.Message(16, 0, 1, new byte[4]);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 400);

        Assert.Throws<NetlinkException>(() => NetlinkMessage.Split(bytes));
    }

    /// <summary>The request re-read as if the kernel echoed it back as an RTM_NEW* message.</summary>
    private static NetlinkMessage AsReply(NetlinkMessageWriter request, ushort newType) =>
        NetlinkMessage.Split(request.Finish(1))[0] with { Type = newType };
}
