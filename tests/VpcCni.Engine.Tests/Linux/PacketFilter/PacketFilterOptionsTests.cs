using System.Net;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Engine.Tests.Linux.PacketFilter;

public class PacketFilterOptionsTests
{
    private static readonly PacketFilterOptions Valid = LinuxPacketFilterTests.Options(false, true, SnatRandomization.Prng, true, null);

    [Fact]
    public void DefaultsFollowUpstream()
    {
        var options = new PacketFilterOptions();

        Assert.Equal(SnatRandomization.Prng, options.Randomization);
        Assert.True(options.NodePortSupport);
        Assert.False(options.ExternalSnat);
        Assert.Equal(0x80u, options.ConnmarkMark);
        Assert.Equal("eni", options.VethPrefix);
        Assert.Equal("eth0", options.PrimaryInterface);
        Assert.Null(options.ForcedConnmarkBackend);
    }

    [Fact]
    public void ValidOptionsPass()
    {
        Valid.Validate();
        (Valid with { ExternalSnat = true, VpcCidrs = [] }).Validate();
    }

    public static TheoryData<PacketFilterOptions, string, string> InvalidCases() => new()
    {
        { Valid with { VpcCidrs = [IPNetwork.Parse("2001:db8::/32")] }, ErrorIds.PacketFilter.InvalidSnatCidr, "2001:db8::/32" },
        { Valid with { ExcludedSnatCidrs = [IPNetwork.Parse("fd00::/8")] }, ErrorIds.PacketFilter.InvalidSnatCidr, "ExcludedSnatCidrs" },
        { Valid with { NodePrimaryIpv4 = IPAddress.IPv6Loopback }, ErrorIds.PacketFilter.InvalidNodeIp, "NodePrimaryIpv4" },
        { Valid with { NodePrimaryIpv4 = IPAddress.None }, ErrorIds.PacketFilter.InvalidNodeIp, "unicast IPv4" },
        { Valid with { VpcCidrs = [] }, ErrorIds.PacketFilter.MissingVpcCidrs, "at least one IPv4 CIDR" },
        { Valid with { PrimaryInterface = "eth0 -j ACCEPT" }, ErrorIds.PacketFilter.InvalidPrimaryInterface, "1-15 characters" },
        { Valid with { PrimaryInterface = "averyverylongname0" }, ErrorIds.PacketFilter.InvalidPrimaryInterface, "averyverylongname0" },
        { Valid with { VethPrefix = "lo" }, ErrorIds.PacketFilter.InvalidVethPrefix, "not 'eth', 'lo' or 'vlan'" },
        { Valid with { VethPrefix = "abcde" }, ErrorIds.PacketFilter.InvalidVethPrefix, "1-4 characters" },
        { Valid with { VethPrefix = string.Empty }, ErrorIds.PacketFilter.InvalidVethPrefix, "VethPrefix ''" },
        { Valid with { ConnmarkMark = 0 }, ErrorIds.PacketFilter.InvalidConnmark, "0x1 and 0xffffffff" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void InvalidValuesAreRejectedWithTheirErrorIdAndTheOffendingValue(PacketFilterOptions options, string errorId, string messagePart)
    {
        var error = Assert.Throws<VpcCniException>(options.Validate);

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(VpcCniErrorCategory.InvalidArgument, error.Category);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }
}
